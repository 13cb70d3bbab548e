package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.builtin.BuiltinTriggers;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.trigger.Trigger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool file's {@code node} and {@code lambda} trigger forms, end to end through the pool. */
class LocalPoolExternalTriggersTest {

    private static final String CLIENT = "c";

    private static Path poolFile(Path dir, String define, String create, String verify) throws IOException {
        return Files.writeString(dir.resolve("pool.json"), """
                {"poolId": "us-east-1_Ext", "clients": [{"clientId": "c"}],
                 "users": [{"username": "ann", "email": "ann@example.com", "password": "Ann-Passw0rd!"}],
                 "triggerTimeout": "60s",
                 "triggers": {"define": %s, "create": %s, "verify": %s}}
                """.formatted(define, create, verify));
    }

    @Nested
    class NodeHandlerFiles {
        private static final Path SAMPLES = Path.of("config-samples/triggers").toAbsolutePath();

        private static void assumeNode() {
            boolean runs;
            try {
                Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                node.getInputStream().readAllBytes();
                runs = node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                runs = false;
            }
            if (!runs && "true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("node not on PATH, and CI=true");
            }
            Assumptions.assumeTrue(runs, "node not on PATH");
        }

        @Test
        void theSeedsPasswordlessDefineWorksUnchanged(@TempDir Path dir) throws Exception {
            assumeNode();
            Path file = poolFile(dir, "{\"node\": \"" + SAMPLES.resolve("define-passwordless.js") + "\"}",
                    "{\"node\": \"" + SAMPLES.resolve("create-code.js") + "\", \"handler\": \"handler\"}",
                    "{\"node\": \"" + SAMPLES.resolve("verify-code.js") + "\"}");
            try (LocalPool.Running pool = LocalPool.builder().definition(PoolFile.load(file))
                    .log(PoolLog.silent()).build().start(0)) {
                PoolClient client = new PoolClient(pool, Clock.systemUTC());
                Reply question = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", "ann@example.com",
                        "SRP_A", PoolClient.srp().publicKeyHex(), "CHALLENGE_NAME", "SRP_A")).expectOk();
                assertEquals("CUSTOM_CHALLENGE", question.challenge(), "no password asked");
                Matcher sum = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?").matcher(question.parameter("question"));
                assertTrue(sum.matches(), question.parameter("question"));
                String answer = String.valueOf(Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2)));
                assertTrue(client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                        Map.of("USERNAME", "ann", "ANSWER", answer)).signedIn());
            }
        }

        @Test
        void aHandlerThatThrowsGivesUserLambdaValidationException(@TempDir Path dir) throws Exception {
            assumeNode();
            Files.writeString(dir.resolve("boom.js"), "exports.handler = async () => { throw new Error('boom'); };");
            Path file = poolFile(dir, "{\"node\": \"boom.js\"}", "{\"builtin\": \"demo-question\"}",
                    "{\"builtin\": \"demo-question\"}");
            try (LocalPool.Running pool = LocalPool.builder().definition(PoolFile.load(file))
                    .log(PoolLog.silent()).build().start(0)) {
                Reply refused = new PoolClient(pool, Clock.systemUTC())
                        .initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", "ann"))
                        .expectError("UserLambdaValidationException");
                assertEquals("DefineAuthChallenge failed with error boom.", refused.message());
            }
        }
    }

    @Nested
    class LambdaInvokeApi {
        @Test
        void aFunctionBehindALoopbackInvokeServerRunsAndItsErrorsReachTheClient(@TempDir Path dir) throws Exception {
            Trigger demo = BuiltinTriggers.create("demo-question", JsonNodeFactory.instance.objectNode(), line -> { });
            HttpServer lambda = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            lambda.createContext("/2015-03-31/functions/", exchange -> {
                try (exchange) {
                    String function = exchange.getRequestURI().getPath().split("/")[3];
                    ObjectNode event = (ObjectNode) PoolClient.JSON.readTree(exchange.getRequestBody());
                    byte[] body;
                    if (function.equals("broken")) {
                        exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                        body = "{\"errorMessage\":\"lambda says no\",\"errorType\":\"Error\"}".getBytes();
                    } else {
                        body = PoolClient.JSON.writeValueAsBytes(demo.invoke(event));
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                }
            });
            lambda.start();
            try {
                String url = "http://127.0.0.1:" + lambda.getAddress().getPort();
                String good = "{\"lambda\": \"" + url + "\", \"function\": \"demo\"}";
                try (LocalPool.Running pool = LocalPool.builder().definition(PoolFile.load(poolFile(dir, good, good, good)))
                        .log(PoolLog.silent()).build().start(0)) {
                    PoolClient client = new PoolClient(pool, Clock.systemUTC());
                    Reply question = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", "ann")).expectOk();
                    assertEquals("What is 6 times 7?", question.parameter("question"));
                    assertTrue(client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                            Map.of("USERNAME", "ann", "ANSWER", "42")).signedIn());
                }
                String broken = "{\"lambda\": \"" + url + "\", \"function\": \"broken\"}";
                Files.delete(dir.resolve("pool.json"));
                try (LocalPool.Running pool = LocalPool.builder().definition(PoolFile.load(poolFile(dir, broken, good, good)))
                        .log(PoolLog.silent()).build().start(0)) {
                    Reply refused = new PoolClient(pool, Clock.systemUTC())
                            .initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", "ann"))
                            .expectError("UserLambdaValidationException");
                    assertTrue(refused.message().startsWith("DefineAuthChallenge failed with error "), refused.message());
                    assertTrue(refused.message().contains("lambda says no"), refused.message());
                }
            } finally {
                lambda.stop(0);
            }
        }
    }
}
