package dev.cogauth.localpool.engine;

/**
 * How much the management API lets callers create, so that no request can grow the process
 * without end; beyond a cap the call is answered with Cognito's LimitExceededException.
 * Attribute caps are Cognito's own (50 custom attributes, 2048 characters a value) and, all of a
 * user's attributes together, 8192 characters; what CreateUserPool and CreateUserPoolClient keep to
 * show back is capped too.
 */
record ManagementLimits(int pools, int clientsPerPool, int usersPerPool, int usersInAllPools, int groupsPerPool,
                        int attributesPerUser, int attributeValueLength, int attributeCharsPerUser, int settingsChars) {

    /** About 200 MB at the most, were every user and setting as large as allowed. */
    static final ManagementLimits DEFAULT = new ManagementLimits(20, 50, 5000, 20_000, 100, 60, 2048, 8192, 16_384);
}
