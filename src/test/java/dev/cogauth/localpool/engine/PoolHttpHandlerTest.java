package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PoolHttpHandlerTest {

    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> post(URI uri, String operation) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBugIsA500InternalErrorThatIsLoggedAndTheServerGoesOn() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        Operation broken = request -> {
            throw new IllegalStateException("a bug in an operation");
        };
        Operation fine = request -> json.createObjectNode().put("ok", true);
        PoolHttpHandler handler = new PoolHttpHandler(json, Map.of("Broken", broken, "Fine", fine), Map.of(), Map.of(),
                PoolLog.to(notices::add, false));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            HttpResponse<String> failed = post(uri, "Broken");
            assertEquals(500, failed.statusCode());
            JsonNode body = json.readTree(failed.body());
            assertEquals("InternalErrorException", body.path("__type").asText());
            assertEquals("An internal error occurred.", body.path("message").asText(), "no internals to the client");
            assertTrue(notices.get(0).contains("a bug in an operation") && notices.get(0).contains(" at "), notices::toString);
            assertEquals(200, post(uri, "Fine").statusCode());
        } finally {
            server.stop(0);
        }
    }
}
