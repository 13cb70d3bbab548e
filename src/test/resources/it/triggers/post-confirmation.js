// Post Confirmation: logs the confirmed user, as a welcome-message function would start. callback style.
exports.handler = (event, context, callback) => {
  console.log('post-confirmation ' + event.triggerSource + ' ' + event.userName
      + ' status=' + event.request.userAttributes['cognito:user_status']);
  callback(null, event);
};
