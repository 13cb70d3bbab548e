package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearMissTest {
    /** The keys of each section, as the layouts list them. */
    private static final Map<String, List<String>> SECTIONS = Map.of(
            "pool", List.of("PoolId", "AppClientId", "AppClientSecret", "Region", "Endpoint"),
            "outputs", List.of("user_pool_id", "user_pool_client_id", "aws_region", "identity_pool_id",
                    "authentication_flow_type"),
            "top", List.of("CognitoUserPool", "Auth", "CredentialsProvider"));

    @ParameterizedTest(name = "[{index}] {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // swapped, missing, extra, wrong letters; case
        "pool    | Regoin                  | Region",
        "pool    | Regon                   | Region",
        "pool    | region                  | Region",
        "pool    | PoolID                  | PoolId",
        "pool    | AppClientID             | AppClientId",
        "pool    | AppClinetId             | AppClientId",
        "pool    | AppClientSecrets        | AppClientSecret",
        "pool    | EndPoint                | Endpoint",
        "pool    | Endpont                 | Endpoint",
        // fields that are simply other fields
        "pool    | Region                  | -",
        "pool    | HostedUI                | -",
        "pool    | AppClientName           | -",
        "pool    | Domain                  | -",
        "pool    | Id                      | -",
        "outputs | aws_regoin              | aws_region",
        "outputs | user_pool_clientid      | user_pool_client_id",
        "outputs | userpool_id             | user_pool_id",
        "outputs | authentication_flow     | -",
        "outputs | username_attributes     | -",
        "outputs | mfa_methods             | -",
        "outputs | unauthenticated_identities_enabled | -",
        "outputs | password_policy         | -",
        // short keys reach one edit only
        "top     | Aut                     | Auth",
        "top     | CognitoUserPol          | CognitoUserPool",
        "top     | Version                 | -",
        "top     | IdentityManager         | -",
        "top     | PinpointAnalytics       | -",
        "top     | Path                    | -",
    })
    void theLikelyKeyOrNone(String section, String key, String expected) {
        assertEquals(Optional.ofNullable(expected), NearMiss.closest(key, SECTIONS.get(section)));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} = {2}")
    @CsvSource({"abc,abc,0", "abc,acb,1", "abc,ab,1", "abc,abcd,1", "abc,xbc,1", "ca,abc,3", "'',abc,3"})
    void distance(String a, String b, int expected) {
        assertEquals(expected, NearMiss.distance(a, b));
    }
}
