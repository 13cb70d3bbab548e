// Custom Message: writes the sign-up and reset messages as the developer guide's example does,
// from the request's placeholders; an invitation names the user. Leaves other messages to the pool.
exports.handler = async (event) => {
  const { codeParameter, usernameParameter, clientMetadata } = event.request;
  const brand = (clientMetadata && clientMetadata.brand) || 'Example';
  switch (event.triggerSource) {
    case 'CustomMessage_SignUp':
    case 'CustomMessage_ResendCode':
      event.response.emailSubject = `Welcome to ${brand}`;
      event.response.emailMessage = `Thank you for signing up, ${event.userName}. Your code is ${codeParameter}.`;
      break;
    case 'CustomMessage_ForgotPassword':
      event.response.emailSubject = 'Reset your password';
      event.response.emailMessage = 'No code here';  // lacks the placeholder: Cognito sends its default
      break;
    case 'CustomMessage_AdminCreateUser':
      event.response.smsMessage = `${brand}: user ${usernameParameter}, password ${codeParameter}`;
      break;
    default:
      break;
  }
  return event;
};
