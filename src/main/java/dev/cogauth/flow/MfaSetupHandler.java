package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.api.SoftwareTokenAssociation;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Form;
import dev.cogauth.protocol.Param;
import java.util.List;
import java.util.Map;

/**
 * MFA_SETUP for an authenticator app: AssociateSoftwareToken, show the secret and its
 * otpauth:// URI, verify the first code, then answer MFA_SETUP with the verified session.
 */
final class MfaSetupHandler implements ChallengeHandler {
    static final String DEVICE_NAME = "cogauth";
    /** The parameter name under which an answer command finds the new secret. */
    static final String SECRET_CODE = "SECRET_CODE";

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        List<String> canSetUp = ChallengeJson.stringList(Param.MFAS_CAN_SETUP,
                challenge.challengeParameters().get(Param.MFAS_CAN_SETUP));
        if (!canSetUp.isEmpty() && !canSetUp.contains(ChallengeName.SOFTWARE_TOKEN_MFA)) {
            throw new UnsupportedChallengeException("the pool requires MFA setup for " + canSetUp
                    + "; cogauth can set up only an authenticator app (SOFTWARE_TOKEN_MFA)");
        }
        SoftwareTokenAssociation association = exchange.api.associateSoftwareToken(challenge.session());
        exchange.trace.step("AssociateSoftwareToken answered a secret");
        String secret = association.secretCode();
        String uri = otpauthUri(exchange.settings.poolName(), exchange.username(), secret);
        exchange.prompter.show("Set up an authenticator app for " + exchange.username() + " with this secret:\n  "
                + secret + "\nor this URI (most apps read it as a QR code):\n  " + uri);
        exchange.prompter.showQrCode(uri);
        // An answer command gets the secret too: it has to compute the first code from it.
        String code = exchange.ask(new Prompt(PromptKind.CODE, "Code from the authenticator app", List.of(), 0, false),
                ChallengeName.MFA_SETUP, Map.of(SECRET_CODE, secret), List.of()).trim();
        String session = exchange.api.verifySoftwareToken(association.session(), code, DEVICE_NAME);
        exchange.trace.step("VerifySoftwareToken accepted the code");
        return exchange.respond(ChallengeName.MFA_SETUP, exchange.responsesFor(exchange.username()), session);
    }

    /** The Key Uri Format authenticator apps read: otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER. */
    static String otpauthUri(String issuer, String account, String secret) {
        return "otpauth://totp/" + Form.component(issuer) + ":" + Form.component(account) + "?secret=" + secret
                + "&issuer=" + Form.component(issuer);
    }
}
