package dev.cogauth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A loopback server answering the Lambda Invoke API as {@code sam local start-lambda} does:
 * {@code POST /2015-03-31/functions/{name}/invocations} with the event, answered with the
 * function's returned event. Functions are Java; every event received is kept for assertions.
 */
final class FakeLambda implements AutoCloseable {
    private static final String PREFIX = "/2015-03-31/functions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, UnaryOperator<ObjectNode>> functions;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private FakeLambda(HttpServer server, Map<String, UnaryOperator<ObjectNode>> functions) {
        this.server = server;
        this.functions = Map.copyOf(functions);
    }

    /** Serves {@code functions} by name; a function that throws answers as a Lambda function error. */
    static FakeLambda serve(Map<String, UnaryOperator<ObjectNode>> functions) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        FakeLambda lambda = new FakeLambda(server, functions);
        server.createContext(PREFIX, lambda::handle);
        server.start();
        return lambda;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every event received, in order. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    void forget() {
        events.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.substring(PREFIX.length(), Math.max(PREFIX.length(), path.indexOf("/invocations")));
            UnaryOperator<ObjectNode> function = functions.get(name);
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/invocations") || function == null) {
                send(exchange, 404, Map.of("X-Amzn-ErrorType", "ResourceNotFoundException"),
                        "{\"Type\":\"User\",\"Message\":\"Function not found: " + name + "\"}");
                return;
            }
            ObjectNode event = (ObjectNode) JSON.readTree(exchange.getRequestBody());
            events.add(event.deepCopy());
            try {
                send(exchange, 200, Map.of(), JSON.writeValueAsString(function.apply(event)));
            } catch (RuntimeException e) {
                ObjectNode error = JSON.createObjectNode().put("errorMessage", e.getMessage())
                        .put("errorType", e.getClass().getSimpleName());
                send(exchange, 200, Map.of("X-Amz-Function-Error", "Unhandled"), error.toString());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
