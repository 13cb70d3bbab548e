package dev.cogauth.localpool.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.function.Consumer;

/** Create for {@code email-code}: a fresh six-digit code, "emailed" by printing it to the pool's console. */
final class EmailCodeMaker implements BuiltinTriggers.ChallengeMaker {

    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> console;

    EmailCodeMaker(Consumer<String> console) {
        this.console = console;
    }

    @Override
    public void create(ObjectNode event) {
        String email = event.path("request").path("userAttributes").path("email").asText("");
        String to = email.isEmpty() ? event.path("userName").asText() : email;
        String code = String.format("%06d", random.nextInt(1_000_000));
        console.accept("Email to " + to + ": your sign-in code is " + code);
        ObjectNode response = event.putObject("response");
        response.putObject("publicChallengeParameters")
                .put("question", "Enter the code emailed to " + mask(to) + ":")
                .put("email", mask(to));
        response.putObject("privateChallengeParameters").put("answer", code);
        response.put("challengeMetadata", "EMAIL_CODE");
    }

    private static String mask(String email) {
        int at = email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
