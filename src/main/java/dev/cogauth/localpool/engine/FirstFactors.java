package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.ChallengeName;
import java.util.ArrayList;
import java.util.List;

/**
 * What choice-based sign-in offers one user (AvailableChallenges): the pool's allowed first
 * factors, in the policy's order, that this user can do. PASSWORD in the policy offers both
 * PASSWORD and PASSWORD_SRP, as Cognito does.
 */
final class FirstFactors {

    /** What the user has that factors need. */
    record Abilities(boolean password, boolean email, boolean phone, boolean passkey) {
    }

    private FirstFactors() {
    }

    static List<String> available(List<String> allowed, Abilities user) {
        List<String> offered = new ArrayList<>();
        for (String factor : allowed) {
            switch (factor) {
                case ChallengeName.PASSWORD -> {
                    if (user.password()) {
                        offered.add(ChallengeName.PASSWORD);
                        offered.add(ChallengeName.PASSWORD_SRP);
                    }
                }
                case ChallengeName.EMAIL_OTP -> addIf(offered, factor, user.email());
                case ChallengeName.SMS_OTP -> addIf(offered, factor, user.phone());
                case ChallengeName.WEB_AUTHN -> addIf(offered, factor, user.passkey());
                default -> throw new IllegalArgumentException("unknown first factor " + factor);
            }
        }
        return List.copyOf(offered);
    }

    private static void addIf(List<String> offered, String factor, boolean able) {
        if (able) {
            offered.add(factor);
        }
    }
}
