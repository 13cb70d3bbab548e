package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.definition.UserDefinition.MfaSettings;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;

/**
 * The Custom Message trigger as trigger code sees it: its event against the Amazon Cognito Developer
 * Guide's parameter listing and sample ({@code codeParameter} "{####}", {@code usernameParameter}
 * "{username}" only for AdminCreateUser, the response's three fields sent null), one event per source,
 * and its documented effects on the messages in the outbox.
 */
class LocalPoolCustomMessageTest {
    private static final String STRONG = "Str0ng-Passw0rd!";
    private static final Set<String> COMMON = Set.of("version", "triggerSource", "region", "userPoolId", "userName",
            "callerContext", "request", "response");

    /** Writes both messages as the developer guide's sign-up example does, from the request's placeholders. */
    private static ObjectNode welcome(ObjectNode event) {
        JsonNode request = event.get("request");
        String code = request.get("codeParameter").asText();
        String name = request.path("usernameParameter").isNull() ? "" : " " + request.get("usernameParameter").asText();
        ((ObjectNode) event.get("response"))
                .put("smsMessage", "Welcome" + name + ". Your code: " + code)
                .put("emailMessage", "<p>Welcome" + name + ". Your code: " + code + "</p>")
                .put("emailSubject", "Welcome to the service");
        return event;
    }

    private static Trigger answering(UnaryOperator<ObjectNode> response) {
        return event -> {
            response.apply((ObjectNode) event.get("response"));
            return event;
        };
    }

    private static LocalPool.Running serve(Trigger customMessage) throws Exception {
        UserDefinition sam = new UserDefinition("sam", TestPools.PASSWORD, UserStatus.CONFIRMED,
                new MfaSettings(true, false, null, "SMS_MFA"),
                Map.of("phone_number", "+15550001234", "phone_number_verified", "true"));
        TriggerDefinitions triggers = TriggerDefinitions.none().withCustomMessage(
                customMessage == null ? null : new TriggerDefinition.InProcess(customMessage));
        return LocalPool.builder().definition(TestPools.withUsers(MfaMode.OPTIONAL, triggers, sam))
                .outbox(Outbox.inMemory()).log(PoolLog.silent()).build().start(0);
    }

    private static CognitoIdentityProviderClient sdk(LocalPool.Running pool) {
        return CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "any")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static void signUp(CognitoIdentityProviderClient sdk, String username, String email) {
        sdk.signUp(r -> r.clientId(TestPools.PUBLIC).username(username).password(STRONG)
                .userAttributes(attribute("email", email)).clientMetadata(Map.of("source", "test")));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static Outbox.Message last(LocalPool.Running pool) {
        List<Outbox.Message> messages = pool.outbox().messages();
        return messages.get(messages.size() - 1);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theSignUpEventHasTheDocumentedShape() throws Exception {
        RecordingTrigger trigger = new RecordingTrigger(LocalPoolCustomMessageTest::welcome);
        String code;
        try (LocalPool.Running pool = serve(trigger); CognitoIdentityProviderClient sdk = sdk(pool)) {
            signUp(sdk, "hal", "hal@example.com");
            code = last(pool).code();
        }
        ObjectNode event = trigger.events().get(0);
        assertEquals(COMMON, keys(event));
        assertEquals("1", event.get("version").asText());
        assertEquals("CustomMessage_SignUp", event.get("triggerSource").asText());
        assertEquals("hal", event.get("userName").asText());
        assertEquals(TestPools.PUBLIC, event.at("/callerContext/clientId").asText());
        assertEquals(Set.of("userAttributes", "codeParameter", "linkParameter", "usernameParameter", "clientMetadata"),
                keys(event.get("request")));
        assertEquals("{####}", event.at("/request/codeParameter").asText());
        assertEquals("{##Click Here##}", event.at("/request/linkParameter").asText());
        assertTrue(event.at("/request/usernameParameter").isNull(), "only AdminCreateUser's message names the user");
        assertEquals("hal@example.com", event.at("/request/userAttributes/email").asText());
        assertEquals("UNCONFIRMED", event.at("/request/userAttributes/cognito:user_status").asText());
        assertTrue(event.at("/request/userAttributes/sub").isTextual());
        assertEquals("test", event.at("/request/clientMetadata/source").asText());
        assertEquals(Set.of("smsMessage", "emailMessage", "emailSubject"), keys(event.get("response")));
        event.get("response").forEach(field -> assertTrue(field.isNull(), "sent null: " + event.get("response")));
        assertFalse(event.toString().contains(code), "the trigger never sees the code: " + event);
        assertFalse(event.toString().contains(STRONG), "nor the password");
    }

    @Test
    void theWrittenMessageIsSentWithTheCodeInIt() throws Exception {
        try (LocalPool.Running pool = serve(new RecordingTrigger(LocalPoolCustomMessageTest::welcome));
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            signUp(sdk, "ida", "ida@example.com");
            Outbox.Message sent = last(pool);
            assertEquals("EMAIL", sent.medium());
            assertTrue(sent.code().matches("\\d{6}"), sent.code());
            assertEquals("<p>Welcome. Your code: " + sent.code() + "</p>", sent.message());
            assertEquals("Welcome to the service", sent.subject());
            assertEquals(sent.code(), pool.outbox().latestCode("ida").orElseThrow(), "tests read the code as before");
            sdk.confirmSignUp(r -> r.clientId(TestPools.PUBLIC).username("ida").confirmationCode(sent.code()));
        }
    }

    @Test
    void anInvitationNamesTheUserAndCarriesTheTemporaryPassword() throws Exception {
        RecordingTrigger trigger = new RecordingTrigger(LocalPoolCustomMessageTest::welcome);
        try (LocalPool.Running pool = serve(trigger); CognitoIdentityProviderClient sdk = sdk(pool)) {
            sdk.adminCreateUser(r -> r.userPoolId(pool.poolId()).username("jo").temporaryPassword("Jo-Temp0rary!")
                    .userAttributes(attribute("email", "jo@example.com"), attribute("phone_number", "+15550100"))
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL, DeliveryMediumType.SMS)
                    .clientMetadata(Map.of("invited-by", "admin")));
            List<Outbox.Message> sent = pool.outbox().messages();
            Outbox.Message email = sent.get(sent.size() - 2);
            Outbox.Message sms = sent.get(sent.size() - 1);
            assertEquals("<p>Welcome jo. Your code: Jo-Temp0rary!</p>", email.message());
            assertEquals("Welcome to the service", email.subject());
            assertEquals("Welcome jo. Your code: Jo-Temp0rary!", sms.message());
            assertNull(sms.subject(), "an SMS has no subject");
            assertEquals("Jo-Temp0rary!", sms.code());
        }
        ObjectNode event = trigger.events().get(0);
        assertEquals("CustomMessage_AdminCreateUser", event.get("triggerSource").asText());
        assertEquals("{username}", event.at("/request/usernameParameter").asText());
        assertEquals("CLIENT_ID_NOT_APPLICABLE", event.at("/callerContext/clientId").asText());
        assertEquals("FORCE_CHANGE_PASSWORD", event.at("/request/userAttributes/cognito:user_status").asText());
        assertEquals("admin", event.at("/request/clientMetadata/invited-by").asText());
        assertFalse(event.toString().contains("Jo-Temp0rary!"), "the trigger never sees the temporary password");
    }

    @Test
    void everyCodeMessageRunsTheTriggerWithItsSource() throws Exception {
        RecordingTrigger trigger = new RecordingTrigger(LocalPoolCustomMessageTest::welcome);
        try (LocalPool.Running pool = serve(trigger); CognitoIdentityProviderClient sdk = sdk(pool)) {
            signUp(sdk, "kit", "kit@example.com");
            sdk.resendConfirmationCode(r -> r.clientId(TestPools.PUBLIC).username("kit"));
            sdk.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("kit"));
            sdk.forgotPassword(r -> r.clientId(TestPools.PUBLIC).username("kit"));
            sdk.adminResetUserPassword(r -> r.userPoolId(pool.poolId()).username(TestPools.ALICE));
            String token = sdk.initiateAuth(r -> r.clientId(TestPools.PUBLIC).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "kit", "PASSWORD", STRONG))).authenticationResult().accessToken();
            sdk.updateUserAttributes(r -> r.accessToken(token).userAttributes(attribute("email", "kit@example.org")));
            sdk.getUserAttributeVerificationCode(r -> r.accessToken(token).attributeName("email"));
            var mfa = sdk.initiateAuth(r -> r.clientId(TestPools.PUBLIC).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "sam", "PASSWORD", TestPools.PASSWORD)));
            assertEquals(ChallengeNameType.SMS_MFA, mfa.challengeName());
            Outbox.Message sms = last(pool);
            assertEquals("Welcome. Your code: " + sms.code(), sms.message());
            assertEquals("SMS_MFA", sms.challenge());
        }
        assertEquals(List.of("CustomMessage_SignUp", "CustomMessage_ResendCode", "CustomMessage_ForgotPassword",
                        "CustomMessage_ForgotPassword", "CustomMessage_UpdateUserAttribute",
                        "CustomMessage_VerifyUserAttribute", "CustomMessage_Authentication"),
                trigger.events().stream().map(e -> e.get("triggerSource").asText()).toList());
        assertEquals(List.of(TestPools.PUBLIC, TestPools.PUBLIC, TestPools.PUBLIC, "CLIENT_ID_NOT_APPLICABLE",
                        TestPools.PUBLIC, TestPools.PUBLIC, TestPools.PUBLIC),
                trigger.events().stream().map(e -> e.at("/callerContext/clientId").asText()).toList(),
                "the app client, the access token's for the attribute calls; none for AdminResetUserPassword");
    }

    @Test
    void aMessageWithoutItsPlaceholdersIsReplacedByTheDefaultTheSubjectStanding() throws Exception {
        try (LocalPool.Running pool = serve(answering(response -> response.put("emailMessage", "Welcome, no code")
                .put("smsMessage", "Your code is {####}").put("emailSubject", "Hello")));
             CognitoIdentityProviderClient sdk = sdk(pool)) {
            signUp(sdk, "lou", "lou@example.com");
            Outbox.Message sent = last(pool);
            assertEquals("Your verification code is " + sent.code() + ".", sent.message());
            assertEquals("Hello", sent.subject());

            sdk.adminCreateUser(r -> r.userPoolId(pool.poolId()).username("max").temporaryPassword("Max-Temp0rary!")
                    .userAttributes(attribute("phone_number", "+15550101")));
            assertEquals("Your username is max and temporary password is Max-Temp0rary!.", last(pool).message(),
                    "an invitation must name the user: a message with the code alone is not sent");
        }
    }

    @Test
    void withoutATriggerThePoolsDefaultMessagesAreSent() throws Exception {
        try (LocalPool.Running pool = serve(null); CognitoIdentityProviderClient sdk = sdk(pool)) {
            signUp(sdk, "ned", "ned@example.com");
            Outbox.Message sent = last(pool);
            assertEquals("Your verification code is " + sent.code() + ".", sent.message());
            assertEquals("Your verification code", sent.subject());
        }
    }

    @Test
    void aFailingTriggerFailsTheCallAndAWrongAnswerIsUnrecognizable() throws Exception {
        try (LocalPool.Running pool = serve(event -> {
            if (event.at("/request/userAttributes/email").asText().startsWith("bad")) {
                throw new TriggerException(TriggerException.Kind.HANDLER_ERROR, "Template missing");
            }
            ((ObjectNode) event.get("response")).put("emailMessage", 42);
            return event;
        }); CognitoIdentityProviderClient sdk = sdk(pool)) {
            UserLambdaValidationException failed = assertThrows(UserLambdaValidationException.class,
                    () -> signUp(sdk, "oz", "bad@example.com"));
            assertEquals("CustomMessage failed with error Template missing.", failed.awsErrorDetails().errorMessage());
            int before = pool.outbox().messages().size();
            InvalidLambdaResponseException malformed = assertThrows(InvalidLambdaResponseException.class,
                    () -> signUp(sdk, "pia", "pia@example.com"));
            assertEquals("Unrecognizable lambda output", malformed.awsErrorDetails().errorMessage());
            assertEquals(before, pool.outbox().messages().size(), "nothing is sent");
        }
    }
}
