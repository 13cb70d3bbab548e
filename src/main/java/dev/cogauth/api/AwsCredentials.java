package dev.cogauth.api;

import java.time.Instant;
import java.util.Objects;

/** Temporary AWS credentials from an identity pool, for {@code identityId}. */
public record AwsCredentials(String identityId, String accessKeyId, String secretAccessKey, String sessionToken,
                             Instant expiration) {

    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
        // The key id is not secret (it shows in CloudTrail); the secret and session token are.
        return "AwsCredentials[identityId=" + identityId + ", accessKeyId=" + accessKeyId
                + ", expiration=" + expiration + "]";
    }
}
