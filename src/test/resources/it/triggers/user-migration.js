// User Migration: brings in one user of a "legacy directory" when their password matches, as the
// developer guide's example looks users up in an existing store. async style.
const legacy = { vera: { password: 'Vera-Passw0rd!', email: 'vera@example.com' } };
exports.handler = async (event) => {
  const user = legacy[event.userName];
  if (!user || user.password !== event.request.password) {
    throw new Error('Bad password');
  }
  event.response.userAttributes = { email: user.email, email_verified: 'true' };
  event.response.finalUserStatus = 'CONFIRMED';
  event.response.messageAction = 'SUPPRESS';
  return event;
};
