package dev.cogauth.localpool.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Define logic of the built-in flows: a password first when the client started with SRP
 * (unless {@code passwordFirst} is off, the passwordless variant), then up to {@code maxTries}
 * custom challenges.
 */
final class ChallengeDefine {

    private final boolean passwordFirst;
    private final int maxTries;

    ChallengeDefine(boolean passwordFirst, int maxTries) {
        this.passwordFirst = passwordFirst;
        this.maxTries = maxTries;
    }

    void decide(ObjectNode event) {
        JsonNode session = event.path("request").path("session");
        ObjectNode response = event.putObject("response");
        JsonNode last = session.size() == 0 ? null : session.get(session.size() - 1);
        String lastName = last == null ? "" : last.path("challengeName").asText();
        boolean lastResult = last != null && last.path("challengeResult").asBoolean();
        int tries = 0;
        for (JsonNode entry : session) {
            if (entry.path("challengeName").asText().equals("CUSTOM_CHALLENGE")) {
                tries++;
            }
        }
        if (lastName.equals("SRP_A") && passwordFirst) {
            ask(response, "PASSWORD_VERIFIER");
        } else if (lastName.equals("PASSWORD_VERIFIER") && !lastResult) {
            fail(response);
        } else if (lastName.equals("CUSTOM_CHALLENGE") && lastResult) {
            response.put("issueTokens", true).put("failAuthentication", false);
        } else if (tries >= maxTries) {
            fail(response);
        } else {
            ask(response, "CUSTOM_CHALLENGE");
        }
    }

    private static void ask(ObjectNode response, String challengeName) {
        response.put("challengeName", challengeName).put("issueTokens", false).put("failAuthentication", false);
    }

    private static void fail(ObjectNode response) {
        response.put("issueTokens", false).put("failAuthentication", true);
    }
}
