package dev.cogauth.it;

import static dev.cogauth.it.SignIns.passwordSignin;
import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.PoolFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * The sign-up path's triggers (Pre Sign-up, Post Confirmation, User Migration), one of each kind
 * run by the pool's Node.js worker and one by a Lambda Invoke endpoint: users sign up through the
 * AWS SDK, and an auto-confirmed or migrated user signs in with {@code cogauth signin} (a process).
 */
class LocalPoolSignUpTriggersIT {

    private static CognitoIdentityProviderClient sdk(InProcessPool pool) {
        return CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static SignUpResponse signUp(CognitoIdentityProviderClient sdk, InProcessPool pool, String user,
                                         String password, String invite) {
        return sdk.signUp(r -> r.clientId(pool.definition().clients().get(0).clientId()).username(user)
                .password(password).userAttributes(attribute("email", user + "@example.com"))
                .validationData(attribute("invite", invite)));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    @Test
    void nodeHandlersAutoConfirmRefuseAndHearOfConfirmations() throws Exception {
        RequiredTool.require("node", "the local pool's Node.js triggers");
        try (InProcessPool pool = InProcessPool.start(PoolFile.load(ItResources.path("sign-up-triggers-pool.json")),
                Clock.systemUTC()); CognitoIdentityProviderClient sdk = sdk(pool)) {
            SignUpResponse nora = signUp(sdk, pool, "nora", "Nora-Passw0rd!", "yes");
            assertTrue(nora.userConfirmed(), "auto-confirmed by the trigger");
            signedInAs(Cogauth.run().answers("Nora-Passw0rd!").exec(passwordSignin(pool, "nora")), "nora");
            var attributes = sdk.adminGetUser(r -> r.userPoolId(pool.definition().poolId()).username("nora"))
                    .userAttributes();
            assertTrue(attributes.contains(attribute("email_verified", "true")), attributes::toString);

            assertFalse(signUp(sdk, pool, "otto", "Otto-Passw0rd!", "no").userConfirmed());
            sdk.adminConfirmSignUp(r -> r.userPoolId(pool.definition().poolId()).username("otto"));
            pool.log().await(Pattern.compile(Pattern.quote(
                    "[node] post-confirmation PostConfirmation_ConfirmSignUp otto status=CONFIRMED")),
                    0, Duration.ofSeconds(10));

            UserLambdaValidationException refused = assertThrows(UserLambdaValidationException.class,
                    () -> signUp(sdk, pool, "mallory", "Mallory-Passw0rd!", "yes"));
            assertEquals("PreSignUp failed with error Mallory may not sign up.", refused.awsErrorDetails().errorMessage());

            signedInAs(Cogauth.run().answers("Vera-Passw0rd!").exec(passwordSignin(pool, "vera")), "vera");
            assertEquals(UserStatusType.CONFIRMED, sdk.adminGetUser(r -> r.userPoolId(pool.definition().poolId())
                    .username("vera")).userStatus(), "migrated by the trigger");
        }
    }

    @Test
    void lambdaFunctionsGetCognitosEventsAndTheirAnswersCount(@TempDir Path dir) throws Exception {
        try (FakeLambda lambda = FakeLambda.serve(Map.of(
                "PreSignUp", event -> {
                    ((ObjectNode) event.get("response")).put("autoConfirmUser", true);
                    return event;
                },
                "UserMigration", event -> {
                    ((ObjectNode) event.get("response")).putObject("userAttributes").put("email", "lars@example.com");
                    return event;
                },
                "PostConfirmation", event -> {
                    if (event.path("userName").asText().equals("mallory")) {
                        throw new IllegalStateException("Welcome mail unavailable");
                    }
                    return event;
                }))) {
            String endpoint = lambda.endpoint().toString();
            Path poolFile = Files.writeString(dir.resolve("pool.json"), """
                    {
                      "poolId": "us-east-1_ItLambdaSignUp",
                      "clients": [ { "clientId": "itlambdasignup" } ],
                      "users": [],
                      "triggers": {
                        "preSignUp": { "lambda": "%1$s", "function": "PreSignUp" },
                        "postConfirmation": { "lambda": "%1$s", "function": "PostConfirmation" },
                        "userMigration": { "lambda": "%1$s", "function": "UserMigration" }
                      }
                    }
                    """.formatted(endpoint));
            try (InProcessPool pool = InProcessPool.start(PoolFile.load(poolFile), Clock.systemUTC());
                 CognitoIdentityProviderClient sdk = sdk(pool)) {
                assertTrue(signUp(sdk, pool, "lena", "Lena-Passw0rd!", "any").userConfirmed());
                signedInAs(Cogauth.run().answers("Lena-Passw0rd!").exec(passwordSignin(pool, "lena")), "lena");

                UserLambdaValidationException failed = assertThrows(UserLambdaValidationException.class,
                        () -> signUp(sdk, pool, "mallory", "Mallory-Passw0rd!", "any"));
                assertTrue(failed.awsErrorDetails().errorMessage().startsWith("PostConfirmation failed with error"),
                        failed::toString);

                sdk.adminCreateUser(r -> r.userPoolId("us-east-1_ItLambdaSignUp").username("ada")
                        .temporaryPassword("Ada-Passw0rd!").messageAction("SUPPRESS"));
                assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, sdk.adminGetUser(r -> r
                        .userPoolId("us-east-1_ItLambdaSignUp").username("ada")).userStatus(),
                        "an admin's user keeps its temporary password whatever the trigger says");

                signedInAs(Cogauth.run().answers("Lars-Passw0rd!").exec(passwordSignin(pool, "lars")), "lars");

                List<JsonNode> events = lambda.events();
                assertEquals(List.of("PreSignUp_SignUp", "PostConfirmation_ConfirmSignUp", "PreSignUp_SignUp",
                                "PostConfirmation_ConfirmSignUp", "PreSignUp_AdminCreateUser",
                                "UserMigration_Authentication"),
                        events.stream().map(e -> e.path("triggerSource").asText()).toList(), events::toString);
                assertEquals("itlambdasignup", events.get(0).path("callerContext").path("clientId").asText());
                assertEquals("lena@example.com", events.get(0).at("/request/userAttributes/email").asText());
                assertEquals("any", events.get(0).at("/request/validationData/invite").asText());
                assertFalse(events.subList(0, 5).toString().contains("Passw0rd!"), "no sign-up trigger sees a password");
                assertEquals("Lars-Passw0rd!", events.get(5).at("/request/password").asText());
            }
        }
    }
}
