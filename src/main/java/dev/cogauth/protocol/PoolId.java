package dev.cogauth.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of AWS region names and of Cognito's pool ids: a user pool's {@code <region>_<name>}
 * (SRP hashes the name into every password) and an identity pool's {@code <region>:<uuid>}.
 * The client checks its settings and the local pool its definitions against the same shapes. Pure.
 */
public final class PoolId {
    /** us-east-1, eu-central-2, us-gov-west-1, ap-southeast-10: room for two-digit numbers. */
    private static final String REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";
    private static final Pattern REGION_SHAPE = Pattern.compile(REGION);
    private static final Pattern USER_POOL = Pattern.compile("(" + REGION + ")_([0-9A-Za-z]+)");
    /** Cognito writes the uuid in lower case; any grouping of its hex digits is taken as it comes. */
    private static final Pattern IDENTITY_POOL = Pattern.compile("(" + REGION + "):[0-9a-f-]+");

    private PoolId() {
    }

    public static boolean isRegion(String text) {
        return text != null && REGION_SHAPE.matcher(text).matches();
    }

    public static boolean isUserPool(String id) {
        return id != null && USER_POOL.matcher(id).matches();
    }

    public static boolean isIdentityPool(String id) {
        return id != null && IDENTITY_POOL.matcher(id).matches();
    }

    /** The region a user pool id starts with. */
    public static String regionOfUserPool(String id) {
        return userPool(id).group(1);
    }

    /** The part of a user pool id after {@code _}, which Cognito's SRP mixes into the password hash. */
    public static String nameOfUserPool(String id) {
        return userPool(id).group(2);
    }

    /** The region an identity pool id starts with. */
    public static String regionOfIdentityPool(String id) {
        Matcher matched = IDENTITY_POOL.matcher(String.valueOf(id));
        if (!matched.matches()) {
            throw new IllegalArgumentException("an identity pool id looks like <region>:<uuid>, not " + id);
        }
        return matched.group(1);
    }

    private static Matcher userPool(String id) {
        Matcher matched = USER_POOL.matcher(String.valueOf(id));
        if (!matched.matches()) {
            throw new IllegalArgumentException("a user pool id looks like <region>_<letters and digits>, not " + id);
        }
        return matched;
    }
}
