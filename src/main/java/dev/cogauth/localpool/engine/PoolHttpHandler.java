package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cogauth.protocol.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pool's HTTP face: {@code POST /} routed by {@code X-Amz-Target} to one operation, and the
 * pool's {@code .well-known} documents. Every failure is answered Cognito-style; none stops the server.
 */
final class PoolHttpHandler implements HttpHandler {

    static final int MAX_BODY_BYTES = 1 << 20;
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final String IDENTITY_PREFIX = "AWSCognitoIdentityService.";
    /** The key id of a SigV4 {@code Authorization} header: logged, as a signed call's caller (key ids are not secret). */
    private static final Pattern SIGNED_BY =
            Pattern.compile("AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})/");
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final ObjectMapper json;
    private final PoolRouter router;
    private final Map<String, Operation> identityOperations;
    private final PoolLog log;

    /**
     * @param operations         the user pool's, by name ({@code AWSCognitoIdentityProviderService.<name>})
     * @param identityOperations the identity service's ({@code AWSCognitoIdentityService.<name>})
     * @param documents          GET paths such as {@code /us-east-1_x/.well-known/jwks.json} and their bodies
     */
    PoolHttpHandler(ObjectMapper json, Map<String, Operation> operations, Map<String, Operation> identityOperations,
                    Map<String, ObjectNode> documents, PoolLog log) {
        this(json, PoolRouter.fixed(operations, documents), identityOperations, log);
    }

    /** @param router the user pools' operations (the pool file's and those created at run time) and documents */
    PoolHttpHandler(ObjectMapper json, PoolRouter router, Map<String, Operation> identityOperations, PoolLog log) {
        this.json = json;
        this.router = router;
        this.identityOperations = Map.copyOf(identityOperations);
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Browser apps (Amplify on a local dev server) call Cognito cross-origin, as the real one allows.
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers",
                        "content-type, x-amz-target, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request, cache-control");
                exchange.getResponseHeaders().set("Access-Control-Max-Age", "86400");
                exchange.sendResponseHeaders(204, -1);
            } else if (exchange.getRequestMethod().equals("GET")) {
                get(exchange);
            } else if (exchange.getRequestMethod().equals("POST")) {
                post(exchange);
            } else {
                error(exchange, new CognitoError(ErrorType.UNKNOWN_OPERATION,
                        "Only POST / and GET of .well-known documents are served.", 405));
            }
        }
    }

    private void get(HttpExchange exchange) throws IOException {
        ObjectNode document = router.document(exchange.getRequestURI().getPath()).orElse(null);
        if (document == null) {
            error(exchange, new CognitoError(ErrorType.RESOURCE_NOT_FOUND, "Not found: " + exchange.getRequestURI().getPath(), 404));
            return;
        }
        send(exchange, 200, "application/json", document);
    }

    private void post(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String name = null;
        boolean identity = false;
        if (target != null && target.startsWith(TARGET_PREFIX)) {
            name = target.substring(TARGET_PREFIX.length());
        } else if (target != null && target.startsWith(IDENTITY_PREFIX)) {
            name = target.substring(IDENTITY_PREFIX.length());
            identity = true;
        }
        boolean known = name != null && (identity ? identityOperations.containsKey(name) : router.knows(name));
        if (known && identity) {
            String signed = name;
            signedBy(exchange).ifPresent(key -> log.step(signed + " signed with " + key));
        }
        try {
            if (!known) {
                throw new CognitoError(ErrorType.UNKNOWN_OPERATION, "Unknown operation " + (target == null ? "(no X-Amz-Target header)" : target));
            }
            JsonRequest request = new JsonRequest(body(exchange));
            Operation operation = identity ? identityOperations.get(name) : router.route(name, request);
            ObjectNode response = operation.handle(request);
            send(exchange, 200, CONTENT_TYPE, response);
            log.step(name + " ← 200 in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (CognitoError e) {
            // An unknown name is the caller's text: not logged.
            log.step((known ? name : "request") + " ← " + e.type() + ": " + e.getMessage()
                    + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            error(exchange, e);
        } catch (RuntimeException e) {
            log.notice("internal error in " + name + ": " + e + where(e));
            error(exchange, new CognitoError(ErrorType.INTERNAL_ERROR, "An internal error occurred.", 500));
        }
    }

    private static Optional<String> signedBy(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher key = authorization == null ? null : SIGNED_BY.matcher(authorization);
        return key != null && key.lookingAt() ? Optional.of(key.group(1)) : Optional.empty();
    }

    /** The first frames of a bug, enough to report it. */
    private static String where(RuntimeException e) {
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(3, trace.length); i++) {
            frames.append(i == 0 ? " at " : " < ").append(trace[i]);
        }
        return frames.toString();
    }

    private ObjectNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream()); // drain, so the client reads the answer
                // ...and let it not reuse a connection that carried a refused body.
                exchange.getResponseHeaders().set("Connection", "close");
                throw CognitoError.invalidParameter("Request body is larger than " + MAX_BODY_BYTES + " bytes.");
            }
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CognitoError(ErrorType.SERIALIZATION, "Request body is not valid JSON.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new CognitoError(ErrorType.SERIALIZATION, "Request body must be a JSON object.");
        }
        return object;
    }

    private void error(HttpExchange exchange, CognitoError error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
        send(exchange, error.status(), CONTENT_TYPE,
                json.createObjectNode().put("__type", error.type()).put("message", error.getMessage()));
    }

    private void send(HttpExchange exchange, int status, String contentType, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
