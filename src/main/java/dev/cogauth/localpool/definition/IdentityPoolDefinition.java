package dev.cogauth.localpool.definition;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Cognito identity pool: which user pool app clients' ID tokens it takes (Cognito's
 * {@code CognitoIdentityProviders}) and whether it gives credentials to guests.
 */
public record IdentityPoolDefinition(String identityPoolId, String name, boolean allowUnauthenticated,
                                     List<Provider> providers) {

    /** Cognito's IdentityPoolId pattern, e.g. {@code us-east-1:0a1b2c3d-...}. */
    public static final Pattern ID = Pattern.compile("[\\w-]+:[0-9a-f-]+");
    /** Cognito's IdentityPoolName pattern. */
    public static final Pattern NAME = Pattern.compile("[\\w ]{1,128}");

    public IdentityPoolDefinition {
        Objects.requireNonNull(identityPoolId, "identityPoolId");
        Objects.requireNonNull(name, "name");
        providers = List.copyOf(providers);
        if (!ID.matcher(identityPoolId).matches()) {
            throw new IllegalArgumentException("identity pool id must look like <region>:<uuid>");
        }
    }

    /** The region part of the id. */
    public String region() {
        return identityPoolId.substring(0, identityPoolId.indexOf(':'));
    }

    /**
     * One user pool app client whose ID tokens the identity pool accepts.
     *
     * @param providerName {@code cognito-idp.<region>.amazonaws.com/<userPoolId>}, the Logins key
     */
    public record Provider(String providerName, String clientId) {
        public Provider {
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(clientId, "clientId");
        }

        /** The Logins key of a user pool. */
        public static String nameOf(String region, String userPoolId) {
            return "cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        }
    }
}
