package dev.cogauth.localpool.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListUsers' {@code Filter}: {@code attribute = "value"} (exact) or {@code attribute ^= "value"}
 * (prefix), on the attributes Cognito lets one search; an empty filter matches everyone.
 * {@code status} is Enabled/Disabled, {@code cognito:user_status} the user's status.
 */
final class UserFilter {

    static final Set<String> SEARCHABLE = Set.of("username", "email", "phone_number", "name", "given_name",
            "family_name", "preferred_username", "cognito:user_status", "status", "sub");
    private static final Pattern SHAPE = Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    private UserFilter() {
    }

    /** A test of one user's searchable values (as {@link #values}); InvalidParameterException for a filter Cognito refuses. */
    static Predicate<Map<String, String>> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return values -> true;
        }
        Matcher shape = SHAPE.matcher(filter);
        if (!shape.matches()) {
            throw CognitoError.invalidParameter("Error while parsing filter.");
        }
        String attribute = shape.group(1);
        if (!SEARCHABLE.contains(attribute)) {
            throw CognitoError.invalidParameter("Invalid search attribute: " + attribute);
        }
        boolean prefix = shape.group(2).equals("^=");
        String wanted = shape.group(3).replaceAll("\\\\(.)", "$1");
        return values -> {
            String value = values.get(attribute);
            return value != null && (prefix ? value.startsWith(wanted) : value.equals(wanted));
        };
    }

    /** A user's values as the filter names them. */
    static Map<String, String> values(PoolUser user) {
        Map<String, String> values = new HashMap<>(user.attributes());
        values.put("username", user.username());
        values.put("cognito:user_status", user.status().name());
        values.put("status", user.enabled() ? "Enabled" : "Disabled");
        return values;
    }
}
