package dev.cogauth.config;

import dev.cogauth.protocol.AuthFlow;
import java.util.List;
import java.util.Optional;

/**
 * The AWSMobileClient layout: {@code CognitoUserPool.Default}, {@code Auth.Default} and
 * {@code CredentialsProvider.CognitoIdentity.Default}. awsconfiguration.json has it at the top;
 * amplifyconfiguration.json has the same objects under {@code auth.plugins.awsCognitoAuthPlugin}.
 */
final class MobileClientLayout {
    private static final String SECTION = "Default";
    /** The fields each section has in these formats, whether cogauth reads them or not: for spelling warnings. */
    private static final List<String> TOP_FIELDS = List.of("CognitoUserPool", "Auth", "CredentialsProvider");
    private static final List<String> POOL_FIELDS = List.of("PoolId", "AppClientId", "AppClientSecret", "Region",
            "Endpoint");
    private static final List<String> AUTH_FIELDS = List.of("authenticationFlowType");
    private static final List<String> IDENTITY_FIELDS = List.of("PoolId", "Region");

    private MobileClientLayout() {
    }

    static PoolSettings read(JsonSection top) throws ConfigException {
        top.warnAboutNearMisses(TOP_FIELDS);
        JsonSection pool = defaultSection(top.requiredObject("CognitoUserPool"))
                .orElseThrow(() -> top.problem("CognitoUserPool." + SECTION, "missing"));
        pool.warnAboutNearMisses(POOL_FIELDS);
        String poolId = pool.requiredString("PoolId", SettingRules::poolId);
        String clientId = pool.requiredString("AppClientId", SettingRules::clientId);
        String secret = pool.string("AppClientSecret", SettingRules::clientSecret).orElse(null);
        String region = pool.string("Region", SettingRules::region).orElse(null);
        RegionCheck.matchesPoolId(pool, "Region", region, "PoolId", poolId);
        String endpoint = pool.string("Endpoint", SettingRules::endpoint).orElse(null);

        AuthFlow flow = null;
        Optional<JsonSection> auth = top.object("Auth");
        if (auth.isPresent()) {
            Optional<JsonSection> authDefault = defaultSection(auth.get());
            if (authDefault.isPresent()) {
                authDefault.get().warnAboutNearMisses(AUTH_FIELDS);
                flow = authDefault.get().authFlow("authenticationFlowType").orElse(null);
            }
        }

        String identityPoolId = null;
        Optional<JsonSection> credentials = top.object("CredentialsProvider");
        if (credentials.isPresent()) {
            Optional<JsonSection> identity = credentials.get().object("CognitoIdentity");
            if (identity.isPresent()) {
                Optional<JsonSection> identityDefault = defaultSection(identity.get());
                if (identityDefault.isPresent()) {
                    identityDefault.get().warnAboutNearMisses(IDENTITY_FIELDS);
                    identityPoolId = identityDefault.get().string("PoolId", SettingRules::identityPoolId).orElse(null);
                }
            }
        }
        return new PoolSettings(poolId, clientId, secret, region, endpoint, flow, identityPoolId);
    }

    /**
     * The {@code Default} section of a group. AWSMobileClient could switch sections at run time;
     * cogauth reads only Default, and says so rather than silently picking another one.
     */
    private static Optional<JsonSection> defaultSection(JsonSection group) throws ConfigException {
        if (group.has(SECTION)) {
            return group.object(SECTION);
        }
        List<String> others = group.fieldNames();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        throw group.problem(SECTION, "missing (found " + String.join(", ", others)
                + "; cogauth reads only the Default section)");
    }
}
