package dev.cogauth.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.PrintableText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code cogauth status} shows of a cache entry: who, where, until when, and the main
 * claims. Built from names and times only; no token text can reach it.
 */
public final class SessionStatus {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] ID_CLAIMS = {"sub", "email", "email_verified", "phone_number", "auth_time", "iss"};

    private SessionStatus() {
    }

    public static ObjectNode json(TokenEntry entry, Path file, Instant now) {
        if (entry.key().isClientCredentials()) {
            return clientJson(entry, file, now);
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("username", entry.key().username());
        if (entry.signInName() != null) {
            root.put("signInName", entry.signInName());
        }
        root.put("userPoolId", entry.key().poolId());
        root.put("clientId", entry.key().clientId());
        root.put("region", entry.key().region());
        if (entry.endpoint() != null) {
            root.put("endpoint", entry.endpoint());
        }
        if (entry.hasIdToken()) {
            expiry(root.putObject("idToken"), entry.expiryOf(TokenType.ID), now);
        } else {
            root.putNull("idToken"); // a browser sign-in without the openid scope
        }
        expiry(root.putObject("accessToken"), entry.expiryOf(TokenType.ACCESS), now);
        root.put("refreshToken", entry.refreshToken() != null);
        ObjectNode claims = root.putObject("claims");
        JsonNode access = claimsOf(entry.accessToken());
        // Without an ID token, the access token says who: its sub and groups.
        JsonNode id = entry.hasIdToken() ? claimsOf(entry.idToken()) : access;
        for (String name : ID_CLAIMS) {
            if (id.has(name)) {
                claims.set(name, id.get(name));
            }
        }
        if (id.has("cognito:groups")) {
            claims.set("groups", id.get("cognito:groups"));
        }
        if (access.has("scope")) {
            claims.set("scope", access.get("scope"));
        }
        if (entry.credentials() != null) {
            ObjectNode aws = root.putObject("awsCredentials");
            if (entry.credentials().identityId() != null) {
                aws.put("identityId", entry.credentials().identityId());
            }
            aws.put("accessKeyId", entry.credentials().accessKeyId());
            expiry(aws, entry.credentials().expiration(), now);
        }
        if (entry.identityPoolId() != null) {
            root.put("identityPoolId", entry.identityPoolId());
        }
        root.put("deviceRemembered", entry.device() != null);
        root.put("signedInWith", entry.browser() != null ? "browser" : "exchange");
        if (entry.browser() != null) {
            root.put("managedLogin", entry.browser().domain());
        }
        identityProvider(id).ifPresent(provider -> root.put("identityProvider", provider));
        root.put("cacheFile", file.toString());
        return root;
    }

    /** A client_credentials entry: the client, the token endpoint's domain, the scopes, no user. */
    private static ObjectNode clientJson(TokenEntry entry, Path file, Instant now) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("grant", "client_credentials");
        root.put("clientId", entry.key().clientId());
        root.put("domain", entry.key().poolId());
        expiry(root.putObject("accessToken"), entry.expiryOf(TokenType.ACCESS), now);
        JsonNode access = claimsOf(entry.accessToken());
        if (access.has("scope")) {
            root.set("scope", access.get("scope"));
        }
        root.put("cacheFile", file.toString());
        return root;
    }

    /** The same as lines for people. */
    public static String text(TokenEntry entry, Path file, Instant now) {
        if (entry.key().isClientCredentials()) {
            StringBuilder out = new StringBuilder("Client credentials of client ")
                    .append(PrintableText.line(entry.key().clientId()))
                    .append('\n');
            line(out, "token endpoint", entry.key().poolId());
            line(out, "access token", describe(entry.expiryOf(TokenType.ACCESS), now));
            JsonNode access = claimsOf(entry.accessToken());
            if (access.has("scope")) {
                line(out, "scope", access.get("scope").asText());
            }
            line(out, "cache file", file.toString());
            return out.toString();
        }
        ObjectNode s = json(entry, file, now);
        JsonNode claims = s.get("claims");
        StringBuilder out = new StringBuilder();
        out.append("Signed in as ").append(PrintableText.line(entry.key().username()));
        if (claims.has("email")) {
            out.append(" <").append(PrintableText.line(claims.get("email").asText())).append('>');
        }
        out.append('\n');
        line(out, "pool", entry.key().poolId() + " (client " + entry.key().clientId() + ", region "
                + entry.key().region() + (entry.endpoint() != null ? ", endpoint " + entry.endpoint() : "") + ")");
        line(out, "id token", entry.hasIdToken() ? describe(entry.expiryOf(TokenType.ID), now)
                : "none (signed in without the openid scope)");
        line(out, "access token", describe(entry.expiryOf(TokenType.ACCESS), now));
        line(out, "refresh token", entry.refreshToken() == null ? "none (run cogauth signin)"
                : "cached");
        line(out, "signed in with", entry.browser() != null
                ? "browser, managed login at " + entry.browser().domain() : "cogauth's sign-in exchange");
        if (s.has("identityProvider")) {
            line(out, "identity provider", s.get("identityProvider").asText());
        }
        if (claims.has("sub")) {
            line(out, "sub", claims.get("sub").asText());
        }
        if (claims.has("groups") && claims.get("groups").isArray()) {
            StringBuilder groups = new StringBuilder();
            ((ArrayNode) claims.get("groups")).forEach(g -> groups.append(groups.length() == 0 ? "" : ", ")
                    .append(g.asText()));
            line(out, "groups", groups.toString());
        }
        if (claims.has("scope")) {
            line(out, "scope", claims.get("scope").asText());
        }
        if (entry.credentials() != null) {
            line(out, "AWS credentials", entry.credentials().accessKeyId() + ", "
                    + describe(entry.credentials().expiration(), now));
        }
        if (entry.device() != null) {
            line(out, "device", "remembered (" + entry.device().deviceKey() + ")");
        }
        line(out, "cache file", file.toString());
        return out.toString();
    }

    /** One field; its value (claims a pool or its triggers wrote) escaped, since this goes to a terminal. */
    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-16s %s%n", label, PrintableText.line(value)));
    }

    private static String describe(Instant expiry, Instant now) {
        long seconds = Duration.between(now, expiry).toSeconds();
        return seconds >= 0 ? "expires " + expiry + " (in " + seconds / 60 + " min)"
                : "expired " + expiry + " (" + -seconds / 60 + " min ago)";
    }

    private static void expiry(ObjectNode node, Instant expiry, Instant now) {
        node.put("expiresAt", expiry.toString());
        node.put("expiresInSeconds", Duration.between(now, expiry).toSeconds());
    }

    /**
     * The federated provider of a user who signed in through one: the {@code providerName} of the
     * ID token's {@code identities} claim (an array; some issuers put it in as a JSON string).
     */
    static Optional<String> identityProvider(JsonNode idClaims) {
        JsonNode identities = idClaims.path("identities");
        if (identities.isTextual()) {
            try {
                identities = MAPPER.readTree(identities.asText());
            } catch (JsonProcessingException unreadable) {
                return Optional.empty();
            }
        }
        if (identities.isArray() && identities.size() > 0 && identities.get(0).hasNonNull("providerName")) {
            return Optional.of(identities.get(0).get("providerName").asText());
        }
        return Optional.empty();
    }

    private static JsonNode claimsOf(String token) {
        try {
            return Jwt.claims(token);
        } catch (IllegalArgumentException unreadable) {
            return MAPPER.createObjectNode();
        }
    }
}
