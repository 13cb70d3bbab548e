package dev.cogauth.it;

import static dev.cogauth.it.SignIns.passwordSignin;
import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.PoolFile;
import dev.cogauth.localpool.engine.Outbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * The Custom Message trigger run by the pool's Node.js worker and by a Lambda Invoke endpoint: the
 * messages it writes reach the outbox with the real code in place of {@code {####}}, a user confirms
 * with the code read from the message's text, and signs in with {@code cogauth signin} (a process).
 */
class LocalPoolCustomMessageIT {

    private static CognitoIdentityProviderClient sdk(InProcessPool pool) {
        return CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static Outbox.Message last(InProcessPool pool) {
        List<Outbox.Message> messages = pool.outbox().messages();
        return messages.get(messages.size() - 1);
    }

    /** The code as a user reads it in the message's text. */
    private static String codeIn(String text, String before) {
        Matcher code = Pattern.compile(Pattern.quote(before) + "(\\d{6})").matcher(text);
        assertTrue(code.find(), text);
        return code.group(1);
    }

    @Test
    void aNodeHandlerWritesTheMessagesUsersGet() throws Exception {
        RequiredTool.require("node", "the local pool's Node.js triggers");
        try (InProcessPool pool = InProcessPool.start(PoolFile.load(ItResources.path("custom-message-pool.json")),
                Clock.systemUTC()); CognitoIdentityProviderClient sdk = sdk(pool)) {
            String client = pool.definition().clients().get(0).clientId();
            sdk.signUp(r -> r.clientId(client).username("nora").password("Nora-Passw0rd!")
                    .userAttributes(attribute("email", "nora@example.com")).clientMetadata(Map.of("brand", "Acme")));
            Outbox.Message welcome = last(pool);
            assertEquals("Welcome to Acme", welcome.subject());
            String code = codeIn(welcome.message(), "Thank you for signing up, nora. Your code is ");
            assertEquals(welcome.code(), code);
            sdk.confirmSignUp(r -> r.clientId(client).username("nora").confirmationCode(code));
            signedInAs(Cogauth.run().answers("Nora-Passw0rd!").exec(passwordSignin(pool, "nora")), "nora");

            sdk.forgotPassword(r -> r.clientId(client).username("nora"));
            Outbox.Message reset = last(pool);
            assertEquals("Your verification code is " + reset.code() + ".", reset.message(),
                    "a message without the placeholder is not sent: the default is");
            assertEquals("Reset your password", reset.subject());

            sdk.adminCreateUser(r -> r.userPoolId(pool.definition().poolId()).username("otto")
                    .temporaryPassword("Otto-Temp0rary!").userAttributes(attribute("phone_number", "+15550100")));
            assertEquals("Example: user otto, password Otto-Temp0rary!", last(pool).message());
            assertNull(last(pool).subject());
        }
    }

    @Test
    void aLambdaFunctionGetsCognitosEventAndItsMessageIsSent(@TempDir Path dir) throws Exception {
        try (FakeLambda lambda = FakeLambda.serve(Map.of("CustomMessage", event -> {
            String code = event.at("/request/codeParameter").asText();
            ((ObjectNode) event.get("response")).put("emailSubject", "Your Lambda code")
                    .put("emailMessage", "<b>" + code + "</b> is your code");
            return event;
        }))) {
            Path poolFile = Files.writeString(dir.resolve("pool.json"), """
                    {
                      "poolId": "us-east-1_ItLambdaMessage",
                      "clients": [ { "clientId": "itlambdamessage" } ],
                      "users": [],
                      "triggers": {
                        "customMessage": { "lambda": "%s", "function": "CustomMessage" }
                      }
                    }
                    """.formatted(lambda.endpoint()));
            try (InProcessPool pool = InProcessPool.start(PoolFile.load(poolFile), Clock.systemUTC());
                 CognitoIdentityProviderClient sdk = sdk(pool)) {
                sdk.signUp(r -> r.clientId("itlambdamessage").username("lena").password("Lena-Passw0rd!")
                        .userAttributes(attribute("email", "lena@example.com")));
                Outbox.Message sent = last(pool);
                assertEquals("Your Lambda code", sent.subject());
                String code = codeIn(sent.message(), "<b>");
                sdk.confirmSignUp(r -> r.clientId("itlambdamessage").username("lena").confirmationCode(code));
                signedInAs(Cogauth.run().answers("Lena-Passw0rd!").exec(passwordSignin(pool, "lena")), "lena");

                List<JsonNode> events = lambda.events();
                assertEquals(1, events.size(), events::toString);
                JsonNode event = events.get(0);
                assertEquals("CustomMessage_SignUp", event.path("triggerSource").asText());
                assertEquals("itlambdamessage", event.at("/callerContext/clientId").asText());
                assertEquals("{####}", event.at("/request/codeParameter").asText());
                assertTrue(event.at("/request/usernameParameter").isNull());
                assertEquals("lena@example.com", event.at("/request/userAttributes/email").asText());
                assertTrue(event.at("/response/emailMessage").isNull(), event::toString);
            }
        }
    }
}
