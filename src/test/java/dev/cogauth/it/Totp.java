package dev.cogauth.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A test user's authenticator app: RFC 6238 codes from a base32 secret (the same
 * {@link dev.cogauth.srp.Totp} cogauth uses), for answering SOFTWARE_TOKEN_MFA in tests.
 */
final class Totp {
    static final Duration STEP = Duration.ofSeconds(dev.cogauth.srp.Totp.STEP_SECONDS);

    private final String secret;

    private Totp(String secret) {
        this.secret = secret;
    }

    /** The authenticator-app form: a base32 secret as Cognito's AssociateSoftwareToken returns it. */
    static Totp ofBase32(String secret) {
        return new Totp(secret);
    }

    /** The code for the 30-second step that contains {@code time}. */
    String codeAt(Instant time) {
        return dev.cogauth.srp.Totp.codeAt(secret, time);
    }

    /** The base32 secret, as COGAUTH_TOTP_SECRET takes it. */
    String secret() {
        return secret;
    }

    /**
     * A code that stays valid for at least {@code margin}: moto accepts only the current step,
     * so near the end of a step this waits for the next one rather than race the clock.
     */
    String freshCode(Duration margin) {
        awaitStepWithAtLeast(margin);
        return codeAt(Instant.now());
    }

    /** Returns once the current step has at least {@code margin} left (waiting for the next step if not). */
    void awaitStepWithAtLeast(Duration margin) {
        long intoStep = Math.floorMod(Instant.now().getEpochSecond(), STEP.toSeconds());
        Duration left = STEP.minusSeconds(intoStep);
        if (left.compareTo(margin) < 0) {
            sleep(left.plusMillis(200));
        }
    }

    /**
     * The result of {@code run}, made again (at most twice) when it failed in a step other than the one it started in:
     * moto accepts only the current step's code, so a run that a loaded machine made outlive its step may be refused
     * for the clock's sake, not cogauth's. A failure within one step is returned as it is.
     */
    static <T> T withinOneStep(Supplier<T> run, Predicate<T> succeeded) {
        T result = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            long started = currentStep();
            result = run.get();
            if (succeeded.test(result) || currentStep() == started) {
                return result;
            }
        }
        return result;
    }

    private static long currentStep() {
        return Math.floorDiv(Instant.now().getEpochSecond(), STEP.toSeconds());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next TOTP step", e);
        }
    }
}
