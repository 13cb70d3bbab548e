package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Pre Sign-up and Post Confirmation as trigger code sees them: the events' shapes against the
 * Amazon Cognito Developer Guide's parameter listings, and their documented effects on SignUp,
 * AdminCreateUser, ConfirmSignUp, AdminConfirmSignUp and ConfirmForgotPassword through the AWS SDK.
 */
class LocalPoolSignUpTriggersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRONG = "Str0ng-Passw0rd!";
    /** The fields every user pool trigger event has ("common parameters"). */
    private static final Set<String> COMMON = Set.of("version", "triggerSource", "region", "userPoolId", "userName",
            "callerContext", "request", "response");

    @TempDir
    Path outbox;

    /** Answers unchanged, unless the call's validation data or client metadata says {@code deny}: then throws. */
    private static ObjectNode unlessDenied(ObjectNode event) throws TriggerException {
        JsonNode request = event.path("request");
        if (request.path("validationData").has("deny") || request.path("clientMetadata").has("deny")) {
            throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "No sign-ups from here");
        }
        return event;
    }

    /** Answers with these flags, unless denied. */
    private static Trigger answering(boolean confirm, boolean verifyEmail, boolean verifyPhone) {
        return event -> {
            ((ObjectNode) unlessDenied(event).get("response")).put("autoConfirmUser", confirm)
                    .put("autoVerifyEmail", verifyEmail).put("autoVerifyPhone", verifyPhone);
            return event;
        };
    }

    private LocalPool.Running serve(RecordingTrigger pre, RecordingTrigger post) throws Exception {
        return serve(pre, post, null);
    }

    private LocalPool.Running serve(RecordingTrigger pre, RecordingTrigger post, RecordingTrigger migration) throws Exception {
        TriggerDefinitions triggers = TriggerDefinitions.none().withSignUp(
                pre == null ? null : new TriggerDefinition.InProcess(pre),
                post == null ? null : new TriggerDefinition.InProcess(post),
                migration == null ? null : new TriggerDefinition.InProcess(migration));
        return LocalPool.builder().definition(TestPools.withUsers(MfaMode.OFF, triggers))
                .outbox(Outbox.in(outbox)).log(PoolLog.silent()).build().start(0);
    }

    private static CognitoIdentityProviderClient sdk(LocalPool.Running pool) {
        return CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "any")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static SignUpResponse signUp(CognitoIdentityProviderClient sdk, String username, Map<String, String> validation) {
        return sdk.signUp(r -> r.clientId(TestPools.PUBLIC).username(username).password(STRONG)
                .userAttributes(attribute("email", username + "@example.com"), attribute("phone_number", "+15550100"))
                .validationData(validation.entrySet().stream().map(e -> attribute(e.getKey(), e.getValue())).toList())
                .clientMetadata(Map.of("source", "test")));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static Map<String, String> attributes(AdminGetUserResponse user) {
        return user.userAttributes().stream().collect(java.util.stream.Collectors.toMap(AttributeType::name,
                AttributeType::value));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private List<JsonNode> messages(String username) {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try {
                    return JSON.readTree(f.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(m -> m.path("username").asText().equals(username)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eventsHaveTheDocumentedShapes() throws Exception {
        RecordingTrigger pre = new RecordingTrigger(LocalPoolSignUpTriggersTest::unlessDenied);
        RecordingTrigger post = new RecordingTrigger(LocalPoolSignUpTriggersTest::unlessDenied);
        try (LocalPool.Running pool = serve(pre, post); CognitoIdentityProviderClient sdk = sdk(pool)) {
            signUp(sdk, "hal", Map.of("invite", "42"));
            String code = messages("hal").get(0).get("code").asText();
            sdk.confirmSignUp(r -> r.clientId(TestPools.PUBLIC).username("hal").confirmationCode(code)
                    .clientMetadata(Map.of("step", "confirm")));
        }
        ObjectNode preEvent = pre.events().get(0);
        assertEquals(COMMON, keys(preEvent));
        assertEquals("1", preEvent.get("version").asText());
        assertEquals("PreSignUp_SignUp", preEvent.get("triggerSource").asText());
        assertEquals("hal", preEvent.get("userName").asText());
        assertEquals(TestPools.PUBLIC, preEvent.at("/callerContext/clientId").asText());
        assertEquals(Set.of("userAttributes", "validationData", "clientMetadata"), keys(preEvent.get("request")));
        assertEquals(Set.of("email", "phone_number"), keys(preEvent.at("/request/userAttributes")),
                "the attributes the user gave, as Cognito sends them");
        assertEquals("42", preEvent.at("/request/validationData/invite").asText());
        assertEquals("test", preEvent.at("/request/clientMetadata/source").asText());
        assertEquals(Set.of("autoConfirmUser", "autoVerifyEmail", "autoVerifyPhone"), keys(preEvent.get("response")));
        assertFalse(preEvent.at("/response/autoConfirmUser").asBoolean(true));
        assertFalse(preEvent.toString().contains(STRONG), "no trigger sees the password");

        ObjectNode postEvent = post.events().get(0);
        assertEquals(COMMON, keys(postEvent));
        assertEquals("PostConfirmation_ConfirmSignUp", postEvent.get("triggerSource").asText());
        assertEquals(Set.of("userAttributes", "clientMetadata"), keys(postEvent.get("request")));
        assertEquals("CONFIRMED", postEvent.at("/request/userAttributes/cognito:user_status").asText());
        assertEquals("true", postEvent.at("/request/userAttributes/email_verified").asText());
        assertEquals("confirm", postEvent.at("/request/clientMetadata/step").asText());
        assertEquals(Set.of(), keys(postEvent.get("response")));
    }

    @Test
    void autoConfirmAndAutoVerifySkipTheCode() throws Exception {
        RecordingTrigger post = new RecordingTrigger(LocalPoolSignUpTriggersTest::unlessDenied);
        try (LocalPool.Running pool = serve(new RecordingTrigger(answering(true, true, false)), post);
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            SignUpResponse signedUp = signUp(sdk, "ida", Map.of());
            assertTrue(signedUp.userConfirmed());
            assertNull(signedUp.codeDeliveryDetails(), "no code to send to a confirmed user");
            assertEquals(List.of(), messages("ida"));
            AdminGetUserResponse user = sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("ida"));
            assertEquals(UserStatusType.CONFIRMED, user.userStatus());
            assertEquals("true", attributes(user).get("email_verified"));
            assertNull(attributes(user).get("phone_number_verified"), "autoVerifyPhone was false");
            assertNotNull(sdk.initiateAuth(r -> r.clientId(TestPools.PUBLIC).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "ida", "PASSWORD", STRONG))).authenticationResult());
        }
        assertEquals(List.of("PostConfirmation_ConfirmSignUp"),
                post.events().stream().map(e -> e.get("triggerSource").asText()).toList(),
                "Cognito tells Post Confirmation of an auto-confirmed user");
    }

    @Test
    void autoVerifyWithoutAutoConfirmVerifiesNothing() throws Exception {
        try (LocalPool.Running pool = serve(new RecordingTrigger(answering(false, true, true)), null);
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            SignUpResponse signedUp = signUp(sdk, "jay", Map.of());
            assertFalse(signedUp.userConfirmed());
            assertEquals("EMAIL", signedUp.codeDeliveryDetails().deliveryMediumAsString());
            AdminGetUserResponse user = sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("jay"));
            assertEquals(UserStatusType.UNCONFIRMED, user.userStatus());
            assertNull(attributes(user).get("email_verified"));
        }
    }

    @Test
    void aThrowingPreSignUpRefusesTheUserAsCognitoReportsIt() throws Exception {
        try (LocalPool.Running pool = serve(new RecordingTrigger(LocalPoolSignUpTriggersTest::unlessDenied), null); CognitoIdentityProviderClient sdk = sdk(pool)) {
            UserLambdaValidationException refused = assertThrows(UserLambdaValidationException.class,
                    () -> signUp(sdk, "kim", Map.of("deny", "yes")));
            assertEquals("PreSignUp failed with error No sign-ups from here.", refused.awsErrorDetails().errorMessage());
            assertThrows(UserNotFoundException.class,
                    () -> sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("kim")));
        }
    }

    @Test
    void adminCreateUserRunsPreSignUpAndKeepsTheTemporaryPassword() throws Exception {
        RecordingTrigger pre = new RecordingTrigger(answering(true, true, false));
        try (LocalPool.Running pool = serve(pre, null); CognitoIdentityProviderClient sdk = sdk(pool)) {
            sdk.adminCreateUser(r -> r.userPoolId(pool.poolId()).username("lee")
                    .userAttributes(attribute("email", "lee@example.com")).messageAction(MessageActionType.SUPPRESS));
            AdminGetUserResponse user = sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("lee"));
            assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, user.userStatus());
            assertEquals("true", attributes(user).get("email_verified"));
            UserLambdaValidationException refused = assertThrows(UserLambdaValidationException.class,
                    () -> sdk.adminCreateUser(r -> r.userPoolId(pool.poolId()).username("max")
                            .clientMetadata(Map.of("deny", "yes")).messageAction(MessageActionType.SUPPRESS)));
            assertTrue(refused.awsErrorDetails().errorMessage().startsWith("PreSignUp failed with error"));
        }
        assertEquals("PreSignUp_AdminCreateUser", pre.events().get(0).get("triggerSource").asText());
        assertEquals("CLIENT_ID_NOT_APPLICABLE", pre.events().get(0).at("/callerContext/clientId").asText());
    }

    @Test
    void postConfirmationRunsAfterEachConfirmationAndItsFailureIsTheCallers() throws Exception {
        RecordingTrigger post = new RecordingTrigger(LocalPoolSignUpTriggersTest::unlessDenied);
        try (LocalPool.Running pool = serve(null, post); CognitoIdentityProviderClient sdk = sdk(pool)) {
            signUp(sdk, "ned", Map.of());
            sdk.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("ned"));
            sdk.forgotPassword(r -> r.clientId(TestPools.PUBLIC).username("ned"));
            String reset = messages("ned").get(messages("ned").size() - 1).get("code").asText();
            sdk.confirmForgotPassword(r -> r.clientId(TestPools.PUBLIC).username("ned").confirmationCode(reset)
                    .password("N3w-Passw0rd!"));

            signUp(sdk, "oz", Map.of());
            String code = messages("oz").get(0).get("code").asText();
            UserLambdaValidationException failed = assertThrows(UserLambdaValidationException.class,
                    () -> sdk.confirmSignUp(r -> r.clientId(TestPools.PUBLIC).username("oz").confirmationCode(code)
                            .clientMetadata(Map.of("deny", "yes"))));
            assertEquals("PostConfirmation failed with error No sign-ups from here.",
                    failed.awsErrorDetails().errorMessage());
            assertEquals(UserStatusType.CONFIRMED,
                    sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("oz")).userStatus(),
                    "the confirmation stands, as in Cognito");
        }
        assertEquals(List.of("PostConfirmation_ConfirmSignUp", "PostConfirmation_ConfirmForgotPassword",
                        "PostConfirmation_ConfirmSignUp"),
                post.events().stream().map(e -> e.get("triggerSource").asText()).toList());
        assertEquals("CLIENT_ID_NOT_APPLICABLE", post.events().get(0).at("/callerContext/clientId").asText());
    }

    @Test
    void userMigrationBringsInAnUnknownUserSigningInWithTheirPassword() throws Exception {
        RecordingTrigger migration = new RecordingTrigger(event -> {
            if (event.get("userName").asText().equals("mallory")) {
                throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "Bad password");
            }
            ObjectNode response = (ObjectNode) event.get("response");
            response.putObject("userAttributes").put("email", "legacy@example.com").put("email_verified", "true");
            response.put("finalUserStatus", "CONFIRMED").put("messageAction", "SUPPRESS");
            return event;
        });
        try (LocalPool.Running pool = serve(null, null, migration); CognitoIdentityProviderClient sdk = sdk(pool)) {
            assertThrows(software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException.class,
                    () -> sdk.initiateAuth(r -> r.clientId(TestPools.PUBLIC).authFlow(AuthFlowType.USER_SRP_AUTH)
                            .authParameters(Map.of("USERNAME", "legacy", "SRP_A", "1234abcd"))));
            assertEquals(List.of(), migration.events(), "Cognito migrates only on USER_PASSWORD_AUTH");

            assertNotNull(passwordSignIn(sdk, "legacy", "Legacy-Passw0rd!").authenticationResult());
            AdminGetUserResponse user = sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("legacy"));
            assertEquals(UserStatusType.CONFIRMED, user.userStatus());
            assertEquals("legacy@example.com", attributes(user).get("email"));
            assertNotNull(passwordSignIn(sdk, "legacy", "Legacy-Passw0rd!").authenticationResult());
            assertEquals(1, migration.events().size(), "a migrated user is the pool's own");

            UserLambdaValidationException failed = assertThrows(UserLambdaValidationException.class,
                    () -> passwordSignIn(sdk, "mallory", "Wrong-Passw0rd!"));
            assertEquals("UserMigration failed with error Bad password.", failed.awsErrorDetails().errorMessage());
            assertThrows(UserNotFoundException.class,
                    () -> sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("mallory")));
        }
        ObjectNode event = migration.events().get(0);
        assertEquals(COMMON, keys(event));
        assertEquals("UserMigration_Authentication", event.get("triggerSource").asText());
        assertEquals("legacy", event.get("userName").asText());
        assertEquals(Set.of("password", "validationData", "clientMetadata"), keys(event.get("request")));
        assertEquals("Legacy-Passw0rd!", event.at("/request/password").asText(), "the one trigger that sees it");
        assertEquals(Set.of("userAttributes", "finalUserStatus", "messageAction", "desiredDeliveryMediums",
                "forceAliasCreation", "enableSMSMFA"), keys(event.get("response")));
    }

    @Test
    void userMigrationBringsInAUserResettingTheirPassword() throws Exception {
        RecordingTrigger migration = new RecordingTrigger(event -> {
            ((ObjectNode) event.get("response")).putObject("userAttributes").put("email", "rita@example.com");
            return event;
        });
        try (LocalPool.Running pool = serve(null, null, migration); CognitoIdentityProviderClient sdk = sdk(pool)) {
            var sent = sdk.forgotPassword(r -> r.clientId(TestPools.PUBLIC).username("rita")).codeDeliveryDetails();
            assertEquals("email", sent.attributeName());
            assertEquals(UserStatusType.RESET_REQUIRED,
                    sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username("rita")).userStatus());
            String code = messages("rita").get(0).get("code").asText();
            sdk.confirmForgotPassword(r -> r.clientId(TestPools.PUBLIC).username("rita").confirmationCode(code)
                    .password("Rita-Passw0rd!"));
            assertNotNull(passwordSignIn(sdk, "rita", "Rita-Passw0rd!").authenticationResult());
        }
        assertEquals(1, migration.events().size());
        ObjectNode event = migration.events().get(0);
        assertEquals(COMMON, keys(event));
        assertEquals("UserMigration_ForgotPassword", event.get("triggerSource").asText());
        assertEquals(Set.of("validationData", "clientMetadata"), keys(event.get("request")), "no password to send");
    }

    @Test
    void attributesAMigratedUserCouldNotHaveFailTheMigrationAndMakeNoUser() throws Exception {
        RecordingTrigger migration = new RecordingTrigger(event -> {
            ObjectNode attributes = ((ObjectNode) event.get("response")).putObject("userAttributes");
            switch (event.get("userName").asText()) {
                case "escape" -> attributes.put("email", "esc@example.com\u001b[2J");
                case "longname" -> attributes.put("custom:" + "n".repeat(40), "x");
                case "huge" -> attributes.put("custom:bio", "x".repeat(5000));
                default -> attributes.put("email", "fine@example.com");
            }
            return event;
        });
        try (LocalPool.Running pool = serve(null, null, migration); CognitoIdentityProviderClient sdk = sdk(pool)) {
            for (String username : List.of("escape", "longname", "huge")) {
                UserNotFoundException refused = assertThrows(UserNotFoundException.class,
                        () -> passwordSignIn(sdk, username, "Legacy-Passw0rd!"), username);
                assertEquals("Exception migrating user in app client " + TestPools.PUBLIC,
                        refused.awsErrorDetails().errorMessage());
                assertThrows(UserNotFoundException.class,
                        () -> sdk.adminGetUser(r -> r.userPoolId(pool.poolId()).username(username)), "no user made");
            }
            UserNotFoundException reset = assertThrows(UserNotFoundException.class,
                    () -> sdk.forgotPassword(r -> r.clientId(TestPools.PUBLIC).username("escape")));
            assertEquals("Exception migrating user in app client " + TestPools.PUBLIC,
                    reset.awsErrorDetails().errorMessage());
            assertNotNull(passwordSignIn(sdk, "fine", "Legacy-Passw0rd!").authenticationResult());
        }
    }

    private static software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse passwordSignIn(
            CognitoIdentityProviderClient sdk, String username, String password) {
        return sdk.initiateAuth(r -> r.clientId(TestPools.PUBLIC).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }
}
