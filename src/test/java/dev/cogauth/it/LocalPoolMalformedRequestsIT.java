package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.srp.SrpGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken requests against {@code cogauth local-pool} as a process, beyond what the
 * pool's own LocalPoolHttpTest covers: each gets a Cognito-style 4xx, and after each the pool
 * still signs a user in. The process must never die or stop serving.
 */
class LocalPoolMalformedRequestsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "AWSCognitoIdentityProviderService.";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalPoolProcess pool;

    @BeforeAll
    static void start() throws Exception {
        pool = LocalPoolProcess.start(null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) {
            pool.stop();
        }
    }

    @AfterEach
    void stillSignsUsersIn() throws Exception {
        Answer answer = post(SERVICE + "InitiateAuth", """
                {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"cogauthdemoclient",
                 "AuthParameters":{"USERNAME":"demo","PASSWORD":"Demo-Passw0rd!"}}""".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(20));
        assertEquals(200, answer.status(), () -> "the pool still signs in; it answered " + answer + "\nstderr:\n"
                + pool.stderr().text());
        assertTrue(answer.body().path("AuthenticationResult").has("IdToken"), answer::toString);
    }

    record Answer(int status, JsonNode body) {
        String type() {
            return body.path("__type").asText(null);
        }
    }

    private static Answer post(String target, byte[] body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(pool.endpoint().resolve("/")).timeout(timeout)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static Answer answer(HttpResponse<byte[]> response) throws IOException {
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** A 4xx Cognito error of {@code type} with a message: the shape SDKs parse. */
    private static void cognitoError(Answer answer, int status, String type) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals(type, answer.type(), answer::toString);
        assertTrue(answer.body().path("message").isTextual() && !answer.body().path("message").asText().isBlank(),
                answer::toString);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            AuthParameters as an array       | InitiateAuth           | {"AuthFlow":"USER_SRP_AUTH","ClientId":"cogauthdemoclient","AuthParameters":[1,2]} | SerializationException
            a number as a parameter          | InitiateAuth           | {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"cogauthdemoclient","AuthParameters":{"USERNAME":5,"PASSWORD":"x"}} | SerializationException
            an object as a parameter         | InitiateAuth           | {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"cogauthdemoclient","AuthParameters":{"USERNAME":"demo","PASSWORD":{"a":1}}} | SerializationException
            null where a string belongs      | InitiateAuth           | {"AuthFlow":null,"ClientId":null} | InvalidParameterException
            no ChallengeName                 | RespondToAuthChallenge | {"ClientId":"cogauthdemoclient","Session":"x"} | InvalidParameterException
            ChallengeResponses as a string   | RespondToAuthChallenge | {"ChallengeName":"CUSTOM_CHALLENGE","ClientId":"cogauthdemoclient","Session":"x","ChallengeResponses":"42"} | SerializationException
            an unknown app client            | InitiateAuth           | {"AuthFlow":"USER_SRP_AUTH","ClientId":"nosuchclient","AuthParameters":{"USERNAME":"demo","SRP_A":"abc"}} | ResourceNotFoundException
            an unknown user                  | InitiateAuth           | {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"cogauthdemoclient","AuthParameters":{"USERNAME":"nobody","PASSWORD":"x"}} | UserNotFoundException
            GetUser with a forged token      | GetUser                | {"AccessToken":"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."} | NotAuthorizedException
            """)
    void wrongShapesAndNamesGetCognitoErrors(String what, String operation, String body, String type) throws Exception {
        cognitoError(post(SERVICE + operation, body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)), 400, type);
    }

    static Stream<Arguments> unparsableBodies() {
        return Stream.of(
                Arguments.of("arrays nested 100000 deep", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("objects nested 5000 deep", ("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("bytes that are not UTF-8", new byte[] {'{', '"', 'A', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}),
                Arguments.of("a NUL byte", new byte[] {0}));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unparsableBodies")
    void unparsableBodiesAreSerializationExceptions(String what, byte[] body) throws Exception {
        cognitoError(post(SERVICE + "InitiateAuth", body, Duration.ofSeconds(10)), 400, "SerializationException");
    }

    /** Without Content-Length the pool cannot refuse up front; it must stop reading at its limit. */
    @Test
    void aHugeChunkedBodyIsRefused() throws Exception {
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        Iterator<byte[]> chunks = Stream.concat(Stream.of("{\"AuthFlow\":\"".getBytes(StandardCharsets.UTF_8)),
                Stream.generate(() -> chunk).limit(48)).iterator();
        HttpRequest request = HttpRequest.newBuilder(pool.endpoint().resolve("/")).timeout(Duration.ofSeconds(20))
                .header("X-Amz-Target", SERVICE + "InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(() -> chunks)).build();
        Answer answer;
        try {
            answer = answer(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException closedWhileSending) {
            // Refusing mid-body and closing the connection is fine too: what matters is that the pool goes on.
            return;
        }
        cognitoError(answer, 400, "InvalidParameterException");
    }

    @Test
    void anotherHttpMethodIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(pool.endpoint().resolve("/")).timeout(Duration.ofSeconds(10))
                .header("X-Amz-Target", SERVICE + "InitiateAuth").PUT(HttpRequest.BodyPublishers.ofString("{}")).build();
        Answer answer = answer(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        assertTrue(answer.status() >= 400 && answer.status() < 500 && answer.type() != null, answer::toString);
    }

    /** SRP's safety check: A ≡ 0 (mod N) would let a client prove any password; it must be refused, never a 500. */
    @ParameterizedTest(name = "[{index}] SRP_A = {0}")
    @CsvSource({"zero, 0", "N, N", "2N, 2N"})
    void anSrpAThatIsZeroModuloNNeverSignsIn(String name, String which) throws Exception {
        String srpA = switch (which) {
            case "0" -> "0";
            case "N" -> SrpGroup.N.toString(16);
            default -> SrpGroup.N.shiftLeft(1).toString(16);
        };
        Answer first = post(SERVICE + "InitiateAuth", JSON.createObjectNode().put("AuthFlow", "USER_SRP_AUTH")
                .put("ClientId", "cogauthdemoclient").set("AuthParameters", JSON.createObjectNode()
                        .put("USERNAME", "demo").put("SRP_A", srpA)).toString().getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(10));
        if (first.status() != 200) {
            cognitoError(first, 400, "InvalidParameterException");
            return;
        }
        // Accepted at first: the claim (here any signature; with S = 0 an attacker could compute the right one) must fail.
        var responses = JSON.createObjectNode().put("USERNAME", "demo")
                .put("PASSWORD_CLAIM_SECRET_BLOCK", first.body().path("ChallengeParameters").path("SECRET_BLOCK").asText())
                .put("PASSWORD_CLAIM_SIGNATURE", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .put("TIMESTAMP", "Mon Jan 5 10:00:00 UTC 2026");
        Answer second = post(SERVICE + "RespondToAuthChallenge", JSON.createObjectNode()
                .put("ChallengeName", "PASSWORD_VERIFIER").put("ClientId", "cogauthdemoclient")
                .put("Session", first.body().path("Session").asText()).set("ChallengeResponses", responses)
                .toString().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        assertEquals(400, second.status(), second::toString);
        assertTrue(Set.of("InvalidParameterException", "NotAuthorizedException").contains(second.type()), second::toString);
    }

    @Nested
    class BrokenConnections {

        /** Opens a connection that announces a body and sends only its start. */
        private Socket stalledRequest() throws IOException {
            URI endpoint = pool.endpoint();
            Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: " + SERVICE + "InitiateAuth\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 1000\r\n\r\n{\"Auth")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        }

        @Test
        void aClientThatHangsUpMidBodyLeavesThePoolServing() throws Exception {
            for (int i = 0; i < 20; i++) {
                stalledRequest().close();
            }
        }

        /**
         * Clients that stall mid-body (more of them than the pool has threads) must not starve the
         * others: the pool gives a request a bounded time to arrive.
         */
        @Test
        void clientsStalledMidBodyDoNotStarveTheOthers() throws Exception {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    stalled.add(stalledRequest());
                }
                Thread.sleep(300);
                stillSignsUsersIn();
                // And a stalled client is cut off after a while, not kept (with its thread) forever.
                Socket first = stalled.get(0);
                first.setSoTimeout(20_000);
                InputStream in = first.getInputStream();
                int firstByte;
                try {
                    firstByte = in.read();
                } catch (SocketTimeoutException keptOpen) {
                    throw new AssertionError("the pool kept a stalled request open for 20 s", keptOpen);
                } catch (IOException reset) {
                    firstByte = -1;
                }
                assertTrue(firstByte == -1 || firstByte == 'H', "a stalled request is answered or its connection closed");
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }
}
