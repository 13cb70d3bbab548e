package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ErrorType;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Cognito's {@code Policies.PasswordPolicy}: what a new password (sign-up, reset, change, an
 * administrator's) must contain. Default: Cognito's, 8 characters with upper- and lower-case
 * letters, a number and a symbol.
 */
record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
                      boolean requireNumbers, boolean requireSymbols, int temporaryPasswordValidityDays) {

    static final PasswordPolicy COGNITO_DEFAULT = new PasswordPolicy(8, true, true, true, true, 7);
    /** The characters Cognito counts as symbols. */
    static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    PasswordPolicy {
        if (minimumLength < 6 || minimumLength > 99) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + minimumLength
                    + "' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value between 6 and 99");
        }
    }

    /** The problem with {@code password}, worded as Cognito's InvalidPasswordException, or empty when it passes. */
    Optional<String> problem(String password) {
        String prefix = "Password did not conform with policy: ";
        if (password.codePointCount(0, password.length()) < minimumLength) {
            return Optional.of(prefix + "Password not long enough");
        }
        if (requireUppercase && password.chars().noneMatch(Character::isUpperCase)) {
            return Optional.of(prefix + "Password must have uppercase characters");
        }
        if (requireLowercase && password.chars().noneMatch(Character::isLowerCase)) {
            return Optional.of(prefix + "Password must have lowercase characters");
        }
        if (requireNumbers && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(prefix + "Password must have numeric characters");
        }
        if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            return Optional.of(prefix + "Password must have symbol characters");
        }
        return Optional.empty();
    }

    /** Throws Cognito's InvalidPasswordException when {@code password} does not pass. */
    void check(String password) {
        problem(password).ifPresent(message -> {
            throw new CognitoError(ErrorType.INVALID_PASSWORD, message);
        });
    }

    /** A temporary password that passes this policy, for AdminCreateUser without one. */
    String temporaryPassword(SecureRandom random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder("Aa1!");
        while (password.length() < Math.max(12, minimumLength)) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** From a CreateUserPool request's {@code Policies.PasswordPolicy}; Cognito's default for anything absent. */
    static PasswordPolicy from(JsonNode policies) {
        JsonNode p = policies == null ? null : policies.get("PasswordPolicy");
        if (p == null || p.isNull()) {
            return COGNITO_DEFAULT;
        }
        return new PasswordPolicy(p.path("MinimumLength").asInt(8),
                p.path("RequireUppercase").asBoolean(false), p.path("RequireLowercase").asBoolean(false),
                p.path("RequireNumbers").asBoolean(false), p.path("RequireSymbols").asBoolean(false),
                p.path("TemporaryPasswordValidityDays").asInt(7));
    }

    /** As DescribeUserPool shows it: {@code {"PasswordPolicy": {...}}}. */
    ObjectNode toJson(ObjectMapper json) {
        ObjectNode policies = json.createObjectNode();
        policies.putObject("PasswordPolicy")
                .put("MinimumLength", minimumLength)
                .put("RequireUppercase", requireUppercase)
                .put("RequireLowercase", requireLowercase)
                .put("RequireNumbers", requireNumbers)
                .put("RequireSymbols", requireSymbols)
                .put("TemporaryPasswordValidityDays", temporaryPasswordValidityDays);
        return policies;
    }
}
