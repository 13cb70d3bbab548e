package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.CognitoServiceException;
import dev.cogauth.srp.SrpServer;
import dev.cogauth.srp.SrpVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

/** The pool's half of SRP for one user: issues PASSWORD_VERIFIER and checks the client's proof for real. */
final class SrpPoolSide {
    /** The clock the flow tests sign in at; the proof's TIMESTAMP must name it. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    final String poolName;
    final String userId;
    final SrpVerifier verifier;
    final String secretBlock = Base64.getEncoder().encodeToString("secret-block-bytes".getBytes());
    SrpServer server;
    String srpA;

    SrpPoolSide(String poolName, String userId, String password) {
        this.poolName = poolName;
        this.userId = userId;
        this.verifier = SrpVerifier.create(poolName, userId, password, RANDOM);
    }

    /** Answers the call that carried SRP_A (which it keeps) with a PASSWORD_VERIFIER challenge. */
    AuthStep passwordVerifier(ScriptedCognito.Call withSrpA, String session) {
        srpA = withSrpA.parameters().get("SRP_A");
        server = SrpServer.start(verifier, RANDOM);
        return AuthStep.challenge("PASSWORD_VERIFIER", session, Map.of("USER_ID_FOR_SRP", userId, "USERNAME", userId,
                "SALT", verifier.saltHex(), "SRP_B", server.publicKeyHex(), "SECRET_BLOCK", secretBlock));
    }

    /** Queues PASSWORD_VERIFIER as the answer to the call carrying SRP_A, then tokens for a proof that checks out. */
    ScriptedCognito thenProof(ScriptedCognito pool, String session) {
        return pool.then(call -> passwordVerifier(call, session)).then(call -> {
            check(call);
            return AuthStep.signedIn(ScriptedCognito.tokens());
        });
    }

    void check(ScriptedCognito.Call response) {
        Map<String, String> r = response.parameters();
        assertEquals(userId, r.get("USERNAME"), "PASSWORD_VERIFIER answers as USER_ID_FOR_SRP");
        assertEquals(secretBlock, r.get("PASSWORD_CLAIM_SECRET_BLOCK"));
        assertEquals("Thu Nov 26 10:00:00 UTC 2026", r.get("TIMESTAMP"));
        if (!server.verifyPasswordClaim(poolName, userId, srpA, secretBlock,
                r.get("TIMESTAMP"), r.get("PASSWORD_CLAIM_SIGNATURE"))) {
            throw new CognitoServiceException("NotAuthorizedException", "Incorrect username or password.", 400);
        }
    }
}
