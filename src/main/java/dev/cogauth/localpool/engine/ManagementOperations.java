package dev.cogauth.localpool.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** The operations each pool answers, by name (the sign-in calls and the management API), and those of the directory of pools. */
final class ManagementOperations {

    private ManagementOperations() {
    }

    static Map<String, Operation> forDirectory(PoolDirectory directory) {
        return Map.of("CreateUserPool", new CreateUserPool(directory), "ListUserPools", new ListUserPools(directory));
    }

    static Map<String, Operation> forPool(RunningPool running, PoolDirectory directory) {
        PoolServices pool = running.services();
        ManagementLimits limits = directory.wiring().limits();
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("InitiateAuth", new InitiateAuth(pool));
        operations.put("RespondToAuthChallenge", new RespondToAuthChallenge(pool, running.policy()));
        SoftwareTokenOperations softwareTokens = new SoftwareTokenOperations(pool);
        operations.put("AssociateSoftwareToken", softwareTokens.associate());
        operations.put("VerifySoftwareToken", softwareTokens.verify());
        TokenOperations tokenOperations = new TokenOperations(pool);
        operations.put("GetTokensFromRefreshToken", tokenOperations.getTokensFromRefreshToken());
        operations.put("RevokeToken", tokenOperations.revokeToken());
        operations.put("GlobalSignOut", tokenOperations.globalSignOut());
        operations.put("GetUser", tokenOperations.getUser());
        DeviceOperations deviceOperations = new DeviceOperations(pool);
        operations.put("ConfirmDevice", deviceOperations.confirm());
        operations.put("UpdateDeviceStatus", deviceOperations.updateStatus());
        operations.put("ForgetDevice", deviceOperations.forget());

        operations.put("DescribeUserPool", new DescribeUserPool(running));
        operations.put("DeleteUserPool", new DeleteUserPool(running, directory));
        operations.put("CreateUserPoolClient", new CreateUserPoolClient(running, directory));
        operations.put("DescribeUserPoolClient", new DescribeUserPoolClient(running));
        operations.put("UpdateUserPoolClient", new UpdateUserPoolClient(running, limits));
        operations.put("DeleteUserPoolClient", new DeleteUserPoolClient(running));
        operations.put("AdminCreateUser", new AdminCreateUser(running, limits));
        operations.put("AdminSetUserPassword", new AdminSetUserPassword(running));
        operations.put("AdminGetUser", new AdminGetUser(running));
        operations.put("AdminUpdateUserAttributes", new AdminUpdateUserAttributes(running, limits));
        operations.put("AdminDeleteUser", new AdminDeleteUser(running));
        operations.put("AdminDisableUser", new AdminSetUserEnabled(running, false));
        operations.put("AdminEnableUser", new AdminSetUserEnabled(running, true));
        operations.put("AdminConfirmSignUp", new AdminConfirmSignUp(running));
        operations.put("AdminUserGlobalSignOut", new AdminUserGlobalSignOut(running));
        operations.put("ListUsers", new ListUsers(running));
        operations.put("SignUp", new SignUp(running, limits));
        operations.put("ConfirmSignUp", new ConfirmSignUp(running));
        operations.put("ResendConfirmationCode", new ResendConfirmationCode(running));
        operations.put("ForgotPassword", new ForgotPassword(running));
        operations.put("ConfirmForgotPassword", new ConfirmForgotPassword(running));
        operations.put("ChangePassword", new ChangePassword(running));
        operations.put("CreateGroup", new CreateGroup(running));
        operations.put("AdminAddUserToGroup", new AdminAddUserToGroup(running, true));
        operations.put("AdminRemoveUserFromGroup", new AdminAddUserToGroup(running, false));
        operations.put("AdminListGroupsForUser", new AdminListGroupsForUser(running));
        operations.put("AdminInitiateAuth", new AdminInitiateAuth(running));
        // The same exchange as RespondToAuthChallenge; UserPoolId only picks the pool.
        operations.put("AdminRespondToAuthChallenge", operations.get("RespondToAuthChallenge"));
        operations.put("UpdateUserAttributes", new UpdateUserAttributes(running, limits));
        operations.put("GetUserAttributeVerificationCode", new GetUserAttributeVerificationCode(running));
        operations.put("VerifyUserAttribute", new VerifyUserAttribute(running));
        operations.put("ListUserPoolClients", new ListUserPoolClients(running));
        operations.put("AdminResetUserPassword", new AdminResetUserPassword(running));
        operations.put("AdminDeleteUserAttributes", new AdminDeleteUserAttributes(running));
        GroupOperations groups = new GroupOperations(running);
        operations.put("GetGroup", groups.getGroup());
        operations.put("ListGroups", groups.listGroups());
        operations.put("DeleteGroup", groups.deleteGroup());
        return Map.copyOf(operations);
    }
}
