package dev.cogauth.localpool.engine;

/**
 * How much the management API lets callers create, so that no request can grow the process
 * without end; beyond a cap the call is answered with Cognito's LimitExceededException.
 * Attribute caps are Cognito's own (50 custom attributes, 2048 characters a value).
 */
record ManagementLimits(int pools, int clientsPerPool, int usersPerPool, int groupsPerPool, int attributesPerUser,
                        int attributeValueLength) {

    static final ManagementLimits DEFAULT = new ManagementLimits(20, 50, 5000, 100, 60, 2048);
}
