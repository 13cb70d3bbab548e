package dev.cogauth.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Whose tokens a cache entry holds: one user of one app client of one pool in one region. */
public record CacheKey(String region, String poolId, String clientId, String username) {

    public CacheKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
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
