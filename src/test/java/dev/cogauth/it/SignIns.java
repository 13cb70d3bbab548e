package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** What a piped {@code cogauth signin} asked and whom it signed in, read from its output. */
final class SignIns {
    private static final String PIPED = "(reading stdin)";

    private SignIns() {
    }

    /** The questions on stderr in the order asked, e.g. "Password:", "[round 1] What is 6 times 7?". */
    static List<String> questions(Cogauth.Result run) {
        return run.stderrLines().stream().filter(line -> line.endsWith(PIPED))
                .map(line -> line.substring(0, line.length() - PIPED.length()).strip()).toList();
    }

    /** {@code cogauth signin} of {@code user} to {@code pool}'s first client with USER_PASSWORD_AUTH, nothing stored. */
    static String[] passwordSignin(InProcessPool pool, String user) {
        return new String[] {"signin", "--pool-id", pool.definition().poolId(), "--client-id",
                pool.definition().clients().get(0).clientId(), "--endpoint-url", pool.endpoint().toString(),
                "--auth-flow", "USER_PASSWORD_AUTH", "-u", user, "--no-store"};
    }

    /** Exit 0 and an ID token for {@code username} (the internal name, whatever was typed). */
    static void signedInAs(Cogauth.Result run, String username) {
        run.assertExit(0);
        assertEquals(username, IdToken.claims(run).path("cognito:username").asText(), run::describe);
    }
}
