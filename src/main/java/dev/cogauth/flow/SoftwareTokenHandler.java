package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.srp.Totp;
import java.time.Instant;

/**
 * SOFTWARE_TOKEN_MFA: with a TOTP secret in the settings (COGAUTH_TOTP_SECRET) the code is
 * computed here, so an MFA-protected test user signs in unattended; without one it is asked for.
 */
final class SoftwareTokenHandler extends MfaCodeHandler {
    /** A code with less time left than this could expire on its way: the next step's is sent instead. */
    static final long MIN_MILLIS_LEFT = 3_000;

    SoftwareTokenHandler() {
        super("Authenticator app code");
    }

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        if (exchange.settings.totpSecret().isEmpty()) {
            return super.answer(challenge, exchange);
        }
        exchange.trace.step("computing the SOFTWARE_TOKEN_MFA code from COGAUTH_TOTP_SECRET");
        return respond(challenge, exchange, codeToSend(exchange.settings.totpSecret().get(), exchange.clock.instant()));
    }

    /** The current step's code, or the next step's when the current one has under 3 seconds left. */
    static String codeToSend(String base32Secret, Instant now) {
        long step = Totp.step(now);
        long millisLeft = (step + 1) * Totp.STEP_SECONDS * 1000 - now.toEpochMilli();
        return Totp.code(Totp.decodeBase32(base32Secret), millisLeft < MIN_MILLIS_LEFT ? step + 1 : step);
    }
}
