package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.protocol.ErrorType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The shapes users take in management answers, the checks their names and attributes get, and lookups by name. */
final class UserViews {

    /** Cognito's username pattern (no control characters, no spaces), at most 128 characters. */
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,39}");

    private UserViews() {
    }

    /** Cognito's timestamps: epoch seconds, as a JSON number with a fraction. */
    static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    /** {@code {"Username", "Attributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus"}}, as ListUsers and AdminCreateUser answer. */
    static ObjectNode listed(ObjectMapper json, PoolUser user, String attributesMember, Set<String> only) {
        ObjectNode view = json.createObjectNode().put("Username", user.username());
        attributes(view.putArray(attributesMember), user.attributes(), only);
        return view.put("UserCreateDate", epochSeconds(user.created()))
                .put("UserLastModifiedDate", epochSeconds(user.modified()))
                .put("Enabled", user.enabled())
                .put("UserStatus", user.status().name());
    }

    static void attributes(ArrayNode array, Map<String, String> attributes, Set<String> only) {
        attributes.forEach((name, value) -> {
            if (!name.equals(PoolUser.IDENTITIES) && (only == null || only.contains(name))) {
                array.addObject().put("Name", name).put("Value", value);
            }
        });
    }

    static PoolUser find(PoolServices pool, String username) {
        return pool.users().find(username).orElseThrow(UserViews::notFound);
    }

    static CognitoError notFound() {
        return new CognitoError(ErrorType.USER_NOT_FOUND, "User does not exist.");
    }

    static String checkUsername(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'username' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        }
        return username;
    }

    /**
     * Attributes a caller sets: well-formed names, Cognito's value length, never {@code sub}, and
     * with the {@code kept} ones within the per-user count and size.
     */
    static Map<String, String> checkAttributes(Map<String, String> attributes, ManagementLimits limits,
                                               Map<String, String> kept) {
        if (attributes.size() + kept.size() > limits.attributesPerUser()) {
            throw CognitoError.invalidParameter("A user may have at most " + limits.attributesPerUser() + " attributes.");
        }
        long chars = Stream.of(attributes, kept).flatMap(map -> map.entrySet().stream())
                .mapToLong(entry -> entry.getKey().length() + (long) entry.getValue().length()).sum();
        if (chars > limits.attributeCharsPerUser()) {
            throw CognitoError.invalidParameter("A user's attributes may hold at most " + limits.attributeCharsPerUser()
                    + " characters together.");
        }
        attributes.forEach((name, value) -> {
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw CognitoError.invalidParameter("Invalid attribute name: attribute names are 1 to 39 printable characters.");
            }
            if (name.equals("sub")) {
                throw CognitoError.invalidParameter("Cannot modify the non-mutable attribute sub");
            }
            // Values reach the pool's log (a code "sent" to an email address): no terminal escapes through it.
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw CognitoError.invalidParameter("The value of " + name + " contains control characters.");
            }
            if (value.length() > limits.attributeValueLength()) {
                throw CognitoError.invalidParameter("The value of " + name + " is longer than "
                        + limits.attributeValueLength() + " characters.");
            }
        });
        return attributes;
    }
}
