package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPoolHttpTest {

    private static final String INITIATE = "AWSCognitoIdentityProviderService.InitiateAuth";
    private LocalPool.Running pool;
    private PoolClient client;

    @BeforeAll
    void start() throws IOException {
        pool = LocalPool.builder().definition(DemoPool.definition()).log(PoolLog.silent()).build().start(0);
        client = new PoolClient(pool, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    @AfterEach
    void stillServing() {
        assertTrue(client.initiate(DemoPool.CLIENT_ID, "USER_PASSWORD_AUTH",
                Map.of("USERNAME", DemoPool.USERNAME, "PASSWORD", DemoPool.PASSWORD)).signedIn(), "the pool still serves");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad JSON                  | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow":       | SerializationException
            text after the JSON       | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow":"USER_SRP_AUTH"} garbage | SerializationException
            a JSON array              | AWSCognitoIdentityProviderService.InitiateAuth | []                 | SerializationException
            an empty body             | AWSCognitoIdentityProviderService.InitiateAuth | ''                 | SerializationException
            a number for a string     | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow": 7}    | SerializationException
            no ClientId               | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow":"USER_SRP_AUTH"} | InvalidParameterException
            an unknown AuthFlow       | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow":"MAGIC","ClientId":"cogauthdemoclient"} | InvalidParameterException
            no USERNAME               | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow":"USER_SRP_AUTH","ClientId":"cogauthdemoclient","AuthParameters":{}} | InvalidParameterException
            SRP_A that is not hex     | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow":"USER_SRP_AUTH","ClientId":"cogauthdemoclient","AuthParameters":{"USERNAME":"demo","SRP_A":"xyz"}} | InvalidParameterException
            SRP_A that is 0 modulo N  | AWSCognitoIdentityProviderService.InitiateAuth | {"AuthFlow":"USER_SRP_AUTH","ClientId":"cogauthdemoclient","AuthParameters":{"USERNAME":"demo","SRP_A":"00"}} | InvalidParameterException
            no Session                | AWSCognitoIdentityProviderService.RespondToAuthChallenge | {"ChallengeName":"CUSTOM_CHALLENGE","ClientId":"cogauthdemoclient","ChallengeResponses":{"USERNAME":"demo","ANSWER":"42"}} | InvalidParameterException
            a made-up Session         | AWSCognitoIdentityProviderService.RespondToAuthChallenge | {"ChallengeName":"CUSTOM_CHALLENGE","ClientId":"cogauthdemoclient","Session":"abc","ChallengeResponses":{"USERNAME":"demo","ANSWER":"42"}} | NotAuthorizedException
            an unknown operation      | AWSCognitoIdentityProviderService.SetUICustomization | {}         | UnknownOperationException
            another service's target  | DynamoDB_20120810.ListTables                   | {}                 | UnknownOperationException
            """)
    void malformedRequestsGetCognitoStyleErrors(String what, String target, String body, String type) {
        Reply reply = client.raw(target, body);
        assertEquals(400, reply.status(), reply.body()::toString);
        assertEquals(type, reply.errorType());
        assertTrue(reply.message() != null && !reply.message().isBlank());
    }

    @Test
    void aRequestWithoutATargetIsAnUnknownOperation() {
        assertEquals("UnknownOperationException", client.raw(null, "{}").errorType());
    }

    @Test
    void aBrowsersPreflightIsAllowed() throws Exception {
        HttpResponse<Void> preflight = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(pool.endpoint().resolve("/"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:3000")
                        .header("Access-Control-Request-Headers", "content-type,x-amz-target").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("x-amz-target"));
    }

    @Test
    void aHugeBodyIsRefused() {
        String huge = "{\"AuthFlow\":\"" + "x".repeat(2 << 20) + "\"}";
        Reply reply = client.raw(INITIATE, huge);
        assertEquals(400, reply.status());
        assertEquals("InvalidParameterException", reply.errorType());
    }

    @Test
    void manyConcurrentClientsAreAllServed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(threads.submit(() -> {
                    Reply question = client.initiate(DemoPool.CLIENT_ID, "CUSTOM_AUTH", Map.of("USERNAME", DemoPool.USERNAME));
                    return client.respond(DemoPool.CLIENT_ID, "CUSTOM_CHALLENGE", question.session(),
                            Map.of("USERNAME", DemoPool.USERNAME, "ANSWER", "42")).signedIn();
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
