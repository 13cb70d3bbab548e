// Pre Token Generation (version 1): the developer guide's example, a new claim, one suppressed, new groups.
exports.handler = (event, context, callback) => {
  event.response = {
    claimsOverrideDetails: {
      claimsToAddOrOverride: { attribute_key: 'attribute_value', source: event.triggerSource },
      claimsToSuppress: ['email'],
      groupOverrideDetails: { groupsToOverride: ['group-A', 'group-B'] }
    }
  };
  callback(null, event);
};
