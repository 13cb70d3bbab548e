package dev.cogauth.flow;

import dev.cogauth.protocol.ChallengeName;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The first factors of the choice-based flow (USER_AUTH): their plain names and how a typed choice maps to one. */
public final class FirstFactors {
    /** Every factor Cognito offers, in the order the documentation lists them. */
    public static final List<String> KNOWN = List.of(ChallengeName.EMAIL_OTP, ChallengeName.SMS_OTP,
            ChallengeName.PASSWORD, ChallengeName.PASSWORD_SRP, ChallengeName.WEB_AUTHN);
    private static final Map<String, String> PLAIN_NAMES = Map.of(
            ChallengeName.EMAIL_OTP, "a code by email",
            ChallengeName.SMS_OTP, "a code by SMS",
            ChallengeName.PASSWORD, "password",
            ChallengeName.PASSWORD_SRP, "password (SRP, never sent)",
            ChallengeName.WEB_AUTHN, "passkey");

    private FirstFactors() {
    }

    /** A factor name given by the user, case-insensitive; empty when it is none of {@link #KNOWN}. */
    public static Optional<String> parse(String typed) {
        String upper = typed.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return KNOWN.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** Passkeys need a browser (WebAuthn); everything else can be answered from a terminal or a program. */
    static boolean usableHere(String factor) {
        return !ChallengeName.WEB_AUTHN.equals(factor);
    }

    /** What the menu shows: "a code by email", "passkey (not usable here)"; a name this build does not know as is. */
    static String menuLabel(String factor) {
        String plain = PLAIN_NAMES.getOrDefault(factor, factor);
        return usableHere(factor) ? plain : plain + " (not usable here)";
    }

    /** The offered factor a typed line means: its name (any case) or its 1-based number; null for neither. */
    static String choose(String typed, List<String> offered) {
        String trimmed = typed.trim();
        try {
            int index = Integer.parseInt(trimmed);
            return index >= 1 && index <= offered.size() ? offered.get(index - 1) : null;
        } catch (NumberFormatException notANumber) {
            String upper = trimmed.toUpperCase(Locale.ROOT).replace('-', '_');
            return offered.contains(upper) ? upper : null;
        }
    }

    /** The one-line refusal of a passkey, naming what else the pool offered. */
    static UnsupportedChallengeException passkeyRefused(List<String> offered) {
        String others = offered.stream().filter(FirstFactors::usableHere).collect(Collectors.joining(", "));
        return new UnsupportedChallengeException("passkeys (WEB_AUTHN) need a browser and cannot be used from cogauth; "
                + (others.isEmpty() ? "the pool named no other factor for this user"
                        : "the pool also offered " + others + ": choose one with --preferred-challenge"));
    }
}
