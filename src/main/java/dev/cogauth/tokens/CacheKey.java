package dev.cogauth.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whose tokens a cache entry holds: one user of one app client of one pool in one region; or, for a
 * machine-to-machine entry ({@link #clientCredentials}), an app client's own tokens from one token
 * endpoint for one set of scopes.
 */
public record CacheKey(String region, String poolId, String clientId, String username) {
    /** The region field of a client_credentials entry, which has a domain instead of a pool. */
    static final String CLIENT_CREDENTIALS = "client_credentials";
    /** The scope field of a client_credentials entry that asked for no scopes (all the client may have). */
    static final String ALLOWED_SCOPES = "*";

    public CacheKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
    }

    /**
     * The entry of an app client's client_credentials grant at {@code domain}: one per set of scopes,
     * whatever their order.
     */
    public static CacheKey clientCredentials(String domain, String clientId, List<String> scopes) {
        String scopeText = scopes.stream().sorted().distinct().collect(Collectors.joining(" "));
        return new CacheKey(CLIENT_CREDENTIALS, domain, clientId, scopeText.isEmpty() ? ALLOWED_SCOPES : scopeText);
    }

    /** True for a machine-to-machine entry: no user, no ID or refresh token. */
    public boolean isClientCredentials() {
        return CLIENT_CREDENTIALS.equals(region);
    }

    // Written out: a record's generated equals and hashCode are bootstrapped through method handles on first
    // call, ~10 ms of the cached token path, which compares the key it read with the one it looked for.
    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey that && region.equals(that.region) && poolId.equals(that.poolId)
                && clientId.equals(that.clientId) && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, poolId, clientId, username);
    }

    /**
     * The entry's file name: the pool id for people listing the directory, then a hash of the
     * whole key, so user names (emails, phone numbers, any Unicode) never become path parts.
     */
    public String fileName() {
        String whole = String.join("\n", region, poolId, clientId, username);
        String poolPart = poolId.replaceAll("[^A-Za-z0-9_-]", "");
        return poolPart + "." + sha256Hex(whole).substring(0, 32) + ".json";
    }

    /** "alice in us-east-1_AbC (client 1abc)" — for messages; names only, no secrets. */
    public String describe() {
        if (isClientCredentials()) {
            return "client " + clientId + " at " + poolId + " ("
                    + (ALLOWED_SCOPES.equals(username) ? "its allowed scopes" : "scopes " + username) + ")";
        }
        return username + " in " + poolId + " (client " + clientId + ")";
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
