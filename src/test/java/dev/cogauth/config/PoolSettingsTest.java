package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.protocol.AuthFlow;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolSettingsTest {
    private static final PoolSettings LOW = new PoolSettings("us-east-1_Low", "lowclient", "lowsecret", "us-east-1",
            "http://127.0.0.1:1", AuthFlow.USER_SRP_AUTH, "us-east-1:1111");

    @Nested
    class OverriddenBy {
        @Test
        void emptySettingsChangeNothing() {
            assertEquals(LOW, LOW.overriddenBy(PoolSettings.empty()));
        }

        @Test
        void emptySettingsTakeEverythingFromHigher() {
            assertEquals(LOW, PoolSettings.empty().overriddenBy(LOW));
        }

        @Test
        void eachNonNullFieldOfHigherWinsAndOnlyThat() {
            PoolSettings higher = new PoolSettings(null, "highclient", null, null, "http://127.0.0.1:2",
                    AuthFlow.CUSTOM_WITHOUT_SRP, null);
            assertEquals(new PoolSettings("us-east-1_Low", "highclient", "lowsecret", "us-east-1", "http://127.0.0.1:2",
                    AuthFlow.CUSTOM_WITHOUT_SRP, "us-east-1:1111"), LOW.overriddenBy(higher));
        }
    }

    @Nested
    class FromFlags {
        @Test
        void noFlagsAreEmptySettings() throws ConfigException {
            assertEquals(PoolSettings.empty(), PoolSettings.fromFlags(null, null, null, null, null, null));
        }

        @Test
        void goodFlagsAreKeptAndTheFlowParsed() throws ConfigException {
            assertEquals(new PoolSettings("eu-west-1_Abc9", "client+1", null, "eu-west-1", "https://cognito.test:8443/x",
                            AuthFlow.CUSTOM_WITH_SRP, "eu-west-1:0a1b-2c3d"),
                    PoolSettings.fromFlags("eu-west-1_Abc9", "client+1", "eu-west-1", "https://cognito.test:8443/x",
                            "custom-auth", "eu-west-1:0a1b-2c3d"));
        }

        @ParameterizedTest(name = "[{index}] {0} {1}")
        @CsvSource(delimiter = '|', textBlock = """
            --pool-id          | us-east-1         | --pool-id: must look like <region>_<id>, e.g. us-east-1_EXAMPLE12 (got "us-east-1")
            --pool-id          | us-east-1_a-b     | --pool-id: must look like <region>_<id>, e.g. us-east-1_EXAMPLE12 (got "us-east-1_a-b")
            --pool-id          | '  '              | --pool-id: must not be empty
            --client-id        | ''                | --client-id: must not be empty
            --client-id        | my client         | --client-id: must be up to 128 letters, digits, _ or + (got "my client")
            --region           | useast1           | --region: must be an AWS region like us-east-1 (got "useast1")
            --endpoint-url     | 127.0.0.1:9229    | --endpoint-url: must be an http:// or https:// URL, e.g. http://127.0.0.1:9229
            --endpoint-url     | http://[::1       | --endpoint-url: not a valid URL
            --endpoint-url     | http://h/?debug=1 | --endpoint-url: must not contain a user name, a query or a fragment
            --auth-flow        | PASSWORD          | --auth-flow: unknown flow "PASSWORD": use one of CUSTOM_WITH_SRP, CUSTOM_WITHOUT_SRP, USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH (CUSTOM_AUTH and CUSTOM_AUTH_WITH_SRP mean CUSTOM_WITH_SRP, CUSTOM_AUTH_WITHOUT_SRP means CUSTOM_WITHOUT_SRP)
            --identity-pool-id | pool-1            | --identity-pool-id: must look like <region>:<uuid>, e.g. us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d (got "pool-1")
            """)
        void aBadFlagIsNamedInOneLine(String flag, String value, String expected) {
            ConfigException e = assertThrows(ConfigException.class, () -> fromOneFlag(flag, value));
            assertEquals(expected, e.getMessage());
            assertEquals(Optional.of(flag), e.field());
            assertEquals(Optional.empty(), e.source());
        }

        private PoolSettings fromOneFlag(String flag, String value) throws ConfigException {
            return switch (flag) {
                case "--pool-id" -> PoolSettings.fromFlags(value, null, null, null, null, null);
                case "--client-id" -> PoolSettings.fromFlags(null, value, null, null, null, null);
                case "--region" -> PoolSettings.fromFlags(null, null, value, null, null, null);
                case "--endpoint-url" -> PoolSettings.fromFlags(null, null, null, value, null, null);
                case "--auth-flow" -> PoolSettings.fromFlags(null, null, null, null, value, null);
                case "--identity-pool-id" -> PoolSettings.fromFlags(null, null, null, null, null, value);
                default -> throw new IllegalArgumentException(flag);
            };
        }
    }

    @Test
    void toStringHidesTheSecretButSaysThereIsOne() {
        String shown = LOW.toString();
        assertFalse(shown.contains("lowsecret"), shown);
        assertTrue(shown.contains("clientSecret=***"), shown);
        assertTrue(shown.contains("us-east-1_Low"), shown);
        assertTrue(PoolSettings.empty().toString().contains("clientSecret=null"));
    }
}
