// Reports what the handler sees of the Lambda context and of its process.
exports.handler = async (event, context) => {
  event.response.functionName = context.functionName;
  event.response.awsRequestId = context.awsRequestId;
  event.response.remainingMillis = context.getRemainingTimeInMillis();
  event.response.pid = process.pid;
  return event;
};

exports.echoAfterDelay = (event, context, callback) => {
  setTimeout(() => {
    event.response.echo = event.request.clientMetadata.call;
    callback(null, event);
  }, Number(event.request.clientMetadata.delayMillis));
};
