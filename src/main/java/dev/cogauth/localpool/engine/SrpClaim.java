package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.Param;
import java.util.Map;

/** The three ChallengeResponses of an SRP password claim, a user's (PASSWORD_VERIFIER) or a device's. */
record SrpClaim(String secretBlock, String signature, String timestamp) {

    static SrpClaim of(Map<String, String> responses) {
        return new SrpClaim(JsonRequest.requiredParameter(responses, Param.PASSWORD_CLAIM_SECRET_BLOCK),
                JsonRequest.requiredParameter(responses, Param.PASSWORD_CLAIM_SIGNATURE),
                JsonRequest.requiredParameter(responses, Param.TIMESTAMP));
    }

    /** Whether the claim brings back the secret block this Session's challenge gave out. */
    boolean answers(AuthSession session) {
        return secretBlock.equals(session.srp().secretBlock());
    }
}
