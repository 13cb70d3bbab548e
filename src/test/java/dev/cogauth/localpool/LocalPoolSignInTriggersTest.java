package dev.cogauth.localpool;

import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;

/**
 * Pre Authentication, Post Authentication and Pre Token Generation (V1 and V2) as trigger code sees
 * them: the events' shapes against the Amazon Cognito Developer Guide's parameter listings, and
 * their documented effects on a sign-in through the AWS SDK.
 */
class LocalPoolSignInTriggersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields every user pool trigger event has ("common parameters"). */
    private static final Set<String> COMMON = Set.of("version", "triggerSource", "region", "userPoolId", "userName",
            "callerContext", "request", "response");

    /** Records each event and answers with {@code answer}. */
    private static final class Recording implements Trigger {
        final List<ObjectNode> events = new CopyOnWriteArrayList<>();
        private final UnaryOperator<ObjectNode> answer;

        Recording(UnaryOperator<ObjectNode> answer) {
            this.answer = answer;
        }

        @Override
        public ObjectNode invoke(ObjectNode event) throws TriggerException {
            events.add(event.deepCopy());
            if (event.path("request").path("validationData").path("deny").asText().equals("yes")) {
                throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "Sign-ins from here are closed");
            }
            ObjectNode answered = answer.apply(event);
            if (answered == null) {
                throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "audit log is down");
            }
            return answered;
        }
    }

    private static LocalPool.Running serve(Recording pre, Recording post, Recording token, int version) throws Exception {
        TriggerDefinitions triggers = TriggerDefinitions.none().withSignIn(new TriggerDefinition.InProcess(pre),
                new TriggerDefinition.InProcess(post), new TriggerDefinition.InProcess(token), version);
        return LocalPool.builder().definition(TestPools.withUsers(MfaMode.OPTIONAL, triggers))
                .log(PoolLog.silent()).build().start(0);
    }

    private static CognitoIdentityProviderClient sdk(LocalPool.Running pool) {
        return CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static AuthenticationResultType signIn(CognitoIdentityProviderClient sdk, Map<String, String> metadata) {
        return sdk.initiateAuth(r -> r.clientId(TestPools.PUBLIC).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .clientMetadata(metadata)
                .authParameters(Map.of("USERNAME", TestPools.ALICE, "PASSWORD", TestPools.PASSWORD)))
                .authenticationResult();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void eventsHaveTheDocumentedShapes() throws Exception {
        Recording pre = new Recording(e -> e);
        Recording post = new Recording(e -> e);
        Recording token = new Recording(e -> e);
        try (LocalPool.Running pool = serve(pre, post, token, 1); CognitoIdentityProviderClient sdk = sdk(pool)) {
            signIn(sdk, Map.of("source", "test"));
        }
        ObjectNode preEvent = pre.events.get(0);
        assertEquals(COMMON, keys(preEvent));
        assertEquals("PreAuthentication_Authentication", preEvent.get("triggerSource").asText());
        assertEquals(Set.of("userAttributes", "validationData", "userNotFound"), keys(preEvent.get("request")));
        assertEquals("test", preEvent.at("/request/validationData/source").asText(), "InitiateAuth's ClientMetadata");
        assertEquals(TestPools.ALICE_EMAIL, preEvent.at("/request/userAttributes/email").asText());
        assertEquals("CONFIRMED", preEvent.at("/request/userAttributes/cognito:user_status").asText());
        assertEquals(Set.of("awsSdkVersion", "clientId"), keys(preEvent.get("callerContext")));
        assertEquals(TestPools.PUBLIC, preEvent.at("/callerContext/clientId").asText());

        ObjectNode postEvent = post.events.get(0);
        assertEquals(COMMON, keys(postEvent));
        assertEquals("PostAuthentication_Authentication", postEvent.get("triggerSource").asText());
        assertEquals(Set.of("userAttributes", "newDeviceUsed", "clientMetadata"), keys(postEvent.get("request")));
        assertFalse(postEvent.at("/request/newDeviceUsed").asBoolean(true));

        ObjectNode tokenEvent = token.events.get(0);
        assertEquals(COMMON, keys(tokenEvent));
        assertEquals("1", tokenEvent.get("version").asText());
        assertEquals("TokenGeneration_Authentication", tokenEvent.get("triggerSource").asText());
        assertEquals(Set.of("userAttributes", "groupConfiguration", "clientMetadata"), keys(tokenEvent.get("request")));
        assertEquals(Set.of("groupsToOverride", "iamRolesToOverride", "preferredRole"),
                keys(tokenEvent.at("/request/groupConfiguration")));
        assertEquals(Set.of("claimsOverrideDetails"), keys(tokenEvent.get("response")));
        assertFalse(tokenEvent.toString().contains(TestPools.PASSWORD), "no trigger sees the password");
    }

    @Test
    void preAuthenticationDeniesASignInAsCognitoReportsIt() throws Exception {
        Recording post = new Recording(e -> e);
        try (LocalPool.Running pool = serve(new Recording(e -> e), post, new Recording(e -> e), 1);
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            UserLambdaValidationException denied = assertThrows(UserLambdaValidationException.class,
                    () -> signIn(sdk, Map.of("deny", "yes")));
            assertEquals("PreAuthentication failed with error Sign-ins from here are closed.",
                    denied.awsErrorDetails().errorMessage());
        }
        assertEquals(List.of(), post.events, "a denied sign-in goes no further");
    }

    @Test
    void postAuthenticationThatFailsGivesNoTokens() throws Exception {
        Recording post = new Recording(e -> null);
        Recording token = new Recording(e -> e);
        try (LocalPool.Running pool = serve(new Recording(e -> e), post, token, 1);
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            UserLambdaValidationException failed = assertThrows(UserLambdaValidationException.class,
                    () -> signIn(sdk, Map.of()));
            assertEquals("PostAuthentication failed with error audit log is down.", failed.awsErrorDetails().errorMessage());
        }
        assertEquals(List.of(), token.events);
    }

    @Test
    void version1ChangesTheIdTokenAndTheGroupsOfBoth() throws Exception {
        Recording token = new Recording(e -> {
            ObjectNode details = e.putObject("response").putObject("claimsOverrideDetails");
            details.putObject("claimsToAddOrOverride").put("tier", "gold").put("sub", "forged").put("custom:team", "red");
            details.putArray("claimsToSuppress").add("email");
            ObjectNode groups = details.putObject("groupOverrideDetails");
            groups.putArray("groupsToOverride").add("admins").add("staff");
            groups.putArray("iamRolesToOverride").add("arn:aws:iam::123456789012:role/admin");
            groups.put("preferredRole", "arn:aws:iam::123456789012:role/admin");
            return e;
        });
        AuthenticationResultType tokens;
        try (LocalPool.Running pool = serve(new Recording(e -> e), new Recording(e -> e), token, 1);
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            tokens = signIn(sdk, Map.of());
            JsonNode id = claims(tokens.idToken());
            assertEquals("gold", id.get("tier").asText());
            assertEquals("red", id.get("custom:team").asText());
            assertNull(id.get("email"));
            assertFalse(id.get("sub").asText().equals("forged"), "sub is not the trigger's to change");
            assertEquals("[\"admins\",\"staff\"]", id.get("cognito:groups").toString());
            assertEquals("arn:aws:iam::123456789012:role/admin", id.get("cognito:preferred_role").asText());
            JsonNode access = claims(tokens.accessToken());
            assertNull(access.get("tier"), "version 1 leaves the access token's claims alone");
            assertEquals("[\"admins\",\"staff\"]", access.get("cognito:groups").toString());

            // A refresh runs the trigger again, as TokenGeneration_RefreshTokens.
            AuthenticationResultType refreshed = sdk.initiateAuth(r -> r.clientId(TestPools.PUBLIC)
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult();
            assertEquals("gold", claims(refreshed.idToken()).get("tier").asText());
        }
        assertEquals(List.of("TokenGeneration_Authentication", "TokenGeneration_RefreshTokens"),
                token.events.stream().map(e -> e.get("triggerSource").asText()).toList());
    }

    @Test
    void version2ChangesBothTokensAndTheScopes() throws Exception {
        Recording token = new Recording(e -> {
            ObjectNode details = e.putObject("response").putObject("claimsAndScopeOverrideDetails");
            ObjectNode id = details.putObject("idTokenGeneration");
            id.putObject("claimsToAddOrOverride").put("tier", "gold").putArray("regions").add("eu").add("us");
            id.putArray("claimsToSuppress").add("email");
            ObjectNode access = details.putObject("accessTokenGeneration");
            access.putObject("claimsToAddOrOverride").put("tenant", "acme").put("client_id", "forged");
            access.putArray("scopesToAdd").add("orders/read");
            access.putArray("scopesToSuppress").add("aws.cognito.signin.user.admin");
            return e;
        });
        try (LocalPool.Running pool = serve(new Recording(e -> e), new Recording(e -> e), token, 2);
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            AuthenticationResultType tokens = signIn(sdk, Map.of());
            JsonNode id = claims(tokens.idToken());
            assertEquals("gold", id.get("tier").asText());
            assertEquals("[\"eu\",\"us\"]", id.get("regions").toString(), "version 2 takes JSON values");
            assertNull(id.get("email"));
            JsonNode access = claims(tokens.accessToken());
            assertEquals("acme", access.get("tenant").asText());
            assertEquals(TestPools.PUBLIC, access.get("client_id").asText(), "client_id is not the trigger's to change");
            assertEquals("orders/read", access.get("scope").asText());
        }
        ObjectNode event = token.events.get(0);
        assertEquals("2", event.get("version").asText());
        assertEquals(Set.of("userAttributes", "groupConfiguration", "clientMetadata", "scopes"), keys(event.get("request")));
        assertEquals("[\"aws.cognito.signin.user.admin\"]", event.at("/request/scopes").toString());
        assertEquals(Set.of("claimsAndScopeOverrideDetails"), keys(event.get("response")));
    }

    @Test
    void aMalformedOverrideIsInvalidLambdaResponse() throws Exception {
        Recording token = new Recording(e -> {
            e.putObject("response").putObject("claimsOverrideDetails").put("claimsToSuppress", "email");
            return e;
        });
        try (LocalPool.Running pool = serve(new Recording(e -> e), new Recording(e -> e), token, 1);
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            var refused = assertThrows(
                    software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException.class,
                    () -> signIn(sdk, Map.of()));
            assertEquals("Unrecognizable lambda output", refused.awsErrorDetails().errorMessage());
        }
    }
}
