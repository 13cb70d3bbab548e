// Pre Sign-up: auto-confirms and auto-verifies users of one email domain, as the developer guide's
// example does, and refuses one user. async style.
exports.handler = async (event) => {
  if (event.userName === 'mallory') {
    throw new Error('Mallory may not sign up');
  }
  const email = event.request.userAttributes.email || '';
  if (email.endsWith('@example.com') && event.request.validationData.invite === 'yes') {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  return event;
};
