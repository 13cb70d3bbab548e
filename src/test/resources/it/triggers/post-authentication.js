// Post Authentication: logs the sign-in, as the developer guide's example does. callback style.
exports.handler = (event, context, callback) => {
  console.log('post-authentication ' + event.triggerSource + ' ' + event.userName
      + ' newDeviceUsed=' + event.request.newDeviceUsed);
  callback(null, event);
};
