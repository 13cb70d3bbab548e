// Pre Authentication: denies one user, as the developer guide's example denies one app client. async style.
exports.handler = async (event) => {
  if (event.userName === 'mallory') {
    throw new Error('Mallory may not sign in today');
  }
  return event;
};
