package dev.cogauth.localpool.engine;

import dev.cogauth.srp.SrpException;
import dev.cogauth.srp.SrpServer;
import dev.cogauth.srp.SrpTimestamp;
import dev.cogauth.srp.SrpVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** The pool's side of SRP: verifiers from passwords, server challenges, and checking a password claim. */
final class SrpPasswords {

    /** How far a client's TIMESTAMP may be from the pool's clock. */
    private static final Duration TIMESTAMP_SKEW = Duration.ofMinutes(5);

    private final String poolName;
    private final SecureRandom random;
    private final Clock clock;
    private final PasswordLockout lockout;

    SrpPasswords(String poolName, SecureRandom random, Clock clock) {
        this.poolName = poolName;
        this.random = random;
        this.clock = clock;
        this.lockout = new PasswordLockout(clock);
    }

    SrpVerifier verifier(String username, String password) {
        return SrpVerifier.create(poolName, username, password, random);
    }

    /** A server challenge for one PASSWORD_VERIFIER round. */
    SrpChallenge challenge(PoolUser user, String srpA) {
        return challenge(user.verifier(), srpA);
    }

    /** A server challenge against any verifier: a user's password or a remembered device's. */
    SrpChallenge challenge(SrpVerifier verifier, String srpA) {
        byte[] block = new byte[64];
        random.nextBytes(block);
        SrpServer server = SrpServer.start(verifier, random);
        return new SrpChallenge(srpA, server, server.saltHex(), Base64.getEncoder().encodeToString(block));
    }

    /**
     * Checks a PASSWORD_VERIFIER answer, under the user's lockout (see {@link PasswordLockout});
     * a malformed claim is an InvalidParameterException and does not count.
     */
    boolean verify(PoolUser user, SrpChallenge challenge, String timestamp, String signature) {
        checkTimestamp(timestamp);
        return lockout.attempt(user.username(),
                () -> verify(poolName, user.username(), challenge, timestamp, signature));
    }

    /**
     * Checks a claim signed with {@code poolName} and {@code userId}: for a device, its group key
     * and device key (DEVICE_PASSWORD_VERIFIER).
     */
    boolean verify(String poolName, String userId, SrpChallenge challenge, String timestamp, String signature) {
        checkTimestamp(timestamp);
        try {
            return challenge.server().verifyPasswordClaim(poolName, userId, challenge.srpA(),
                    challenge.secretBlock(), timestamp, signature);
        } catch (SrpException | IllegalArgumentException e) {
            throw CognitoError.invalidParameter("Invalid SRP parameters.");
        }
    }

    /**
     * Checks a plain password (USER_PASSWORD_AUTH, USER_AUTH's PASSWORD, the managed login's form)
     * against the stored verifier, under the user's lockout; the pool never keeps the password.
     */
    boolean matches(PoolUser user, String password) {
        return lockout.attempt(user.username(), () -> user.verifier().matches(poolName, user.username(), password));
    }

    private void checkTimestamp(String timestamp) {
        Instant at;
        try {
            at = SrpTimestamp.parse(timestamp);
        } catch (SrpException e) {
            throw CognitoError.invalidParameter("TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(TIMESTAMP_SKEW) > 0) {
            throw CognitoError.notAuthorized("Incorrect username or password.");
        }
    }

    /** One SRP round's server state: the client's A, the server's secret b, salt, and the secret block. */
    record SrpChallenge(String srpA, SrpServer server, String saltHex, String secretBlock) {
        @Override
        public String toString() {
            return "SrpChallenge[***]";
        }
    }
}
