package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cogauth.protocol.AuthFlow;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolConfigResolverTest {

    /**
     * Rows give settings as {@code key=value;...} with keys pool, client, secret, region, endpoint,
     * flow, identity; the expected config is written the same way, absent optionals left out.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # what                                   | file                                                   | flags                                   | COGAUTH_CLIENT_SECRET | expected
        the file alone, flow defaulted           | pool=us-east-1_EXAMPLE12;client=fc;region=us-east-1     | -                                       | -      | pool=us-east-1_EXAMPLE12;client=fc;region=us-east-1;flow=CUSTOM_WITH_SRP
        the flags alone, region from the pool id | -                                                      | pool=eu-west-1_Abc9;client=gc           | -      | pool=eu-west-1_Abc9;client=gc;region=eu-west-1;flow=CUSTOM_WITH_SRP
        flags win field by field                 | pool=us-east-1_P1;client=fc;endpoint=http://127.0.0.1:1;flow=USER_SRP_AUTH | client=gc;endpoint=http://127.0.0.1:2 | - | pool=us-east-1_P1;client=gc;region=us-east-1;endpoint=http://127.0.0.1:2;flow=USER_SRP_AUTH
        the flow flag beats the file's flow      | pool=us-east-1_P1;client=fc;flow=USER_SRP_AUTH          | flow=CUSTOM_WITHOUT_SRP                 | -      | pool=us-east-1_P1;client=fc;region=us-east-1;flow=CUSTOM_WITHOUT_SRP
        a flagged pool id drops the file region  | pool=us-east-1_P1;client=fc;region=us-east-1            | pool=ap-south-1_P2                      | -      | pool=ap-south-1_P2;client=fc;region=ap-south-1;flow=CUSTOM_WITH_SRP
        flagged region and pool id together      | pool=us-east-1_P1;client=fc;region=us-east-1            | pool=ap-south-1_P2;region=ap-south-1    | -      | pool=ap-south-1_P2;client=fc;region=ap-south-1;flow=CUSTOM_WITH_SRP
        the region flag alone, agreeing          | pool=us-east-1_P1;client=fc                             | region=us-east-1                        | -      | pool=us-east-1_P1;client=fc;region=us-east-1;flow=CUSTOM_WITH_SRP
        the file's secret beats the environment  | pool=us-east-1_P1;client=fc;secret=filesecret           | -                                       | envsecret | pool=us-east-1_P1;client=fc;secret=filesecret;region=us-east-1;flow=CUSTOM_WITH_SRP
        the environment gives the secret         | pool=us-east-1_P1;client=fc                             | -                                       | envsecret | pool=us-east-1_P1;client=fc;secret=envsecret;region=us-east-1;flow=CUSTOM_WITH_SRP
        an empty environment variable is no secret | pool=us-east-1_P1;client=fc                           | -                                       | ''     | pool=us-east-1_P1;client=fc;region=us-east-1;flow=CUSTOM_WITH_SRP
        a secret never comes from the flags      | pool=us-east-1_P1;client=fc                             | secret=flagsecret                       | -      | pool=us-east-1_P1;client=fc;region=us-east-1;flow=CUSTOM_WITH_SRP
        the identity pool flag beats the file's  | pool=us-east-1_P1;client=fc;identity=us-east-1:aaaa-1111 | identity=us-east-1:bbbb-2222           | -      | pool=us-east-1_P1;client=fc;region=us-east-1;flow=CUSTOM_WITH_SRP;identity=us-east-1:bbbb-2222
        """)
    void resolvesWithPrecedenceAndDefaults(String what, String file, String flags, String envSecret, String expected)
            throws ConfigException {
        PoolConfig config = PoolConfigResolver.resolve(settings(file), settings(flags), env(envSecret));
        assertEquals(expected, describe(config), what);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # what                                 | file                                  | flags                        | expected message
        nothing at all                         | -                                     | -                            | no pool id: give --pool-id or --config
        no client id                           | pool=us-east-1_P1                     | -                            | no client id: give --client-id or --config
        no pool id, only a client              | -                                     | client=gc                    | no pool id: give --pool-id or --config
        a region flag that is not the pool's   | pool=us-east-1_P1;client=fc           | region=eu-west-1             | --region: "eu-west-1" does not match pool id us-east-1_P1 (a pool id starts with its region)
        a region flag not the flagged pool's   | -                                     | pool=us-east-1_P1;client=gc;region=us-west-2 | --region: "us-west-2" does not match pool id us-east-1_P1 (a pool id starts with its region)
        unchecked settings: a bad pool id      | pool=mypool;client=fc                 | -                            | pool id: must look like <region>_<id>, e.g. us-east-1_EXAMPLE12 (got "mypool")
        unchecked settings: a bad client id    | pool=us-east-1_P1;client=a/b          | -                            | client id: must be up to 128 letters, digits, _ or + (got "a/b")
        unchecked settings: a bad endpoint     | pool=us-east-1_P1;client=fc;endpoint=ftp://x | -                     | endpoint: must be an http:// or https:// URL, e.g. http://127.0.0.1:9229
        unchecked settings: a foreign region   | pool=us-east-1_P1;client=fc;region=eu-west-1 | -                     | region: "eu-west-1" does not match pool id us-east-1_P1 (a pool id starts with its region)
        unchecked flags: a bad pool id         | pool=us-east-1_P1;client=fc           | pool=P2                      | --pool-id: must look like <region>_<id>, e.g. us-east-1_EXAMPLE12 (got "P2")
        unchecked flags: a bad client id       | pool=us-east-1_P1;client=fc           | client=a b                   | --client-id: must be up to 128 letters, digits, _ or + (got "a b")
        unchecked flags: a bad endpoint        | pool=us-east-1_P1;client=fc           | endpoint=localhost:9229      | --endpoint-url: must be an http:// or https:// URL, e.g. http://127.0.0.1:9229
        unchecked flags: a bad region          | pool=us-east-1_P1;client=fc           | region=US                    | --region: must be an AWS region like us-east-1 (got "US")
        """)
    void refusesWhatCannotWork(String what, String file, String flags, String expected) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PoolConfigResolver.resolve(settings(file), settings(flags), Map.of()));
        assertEquals(expected, e.getMessage(), what);
    }

    private static Map<String, String> env(String secret) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/someone"));
        if (secret != null) {
            env.put(PoolConfigResolver.CLIENT_SECRET_ENV, secret);
        }
        return env;
    }

    private static PoolSettings settings(String spec) {
        Map<String, String> values = new HashMap<>();
        if (spec != null) {
            for (String pair : spec.split(";")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        String flow = values.get("flow");
        return new PoolSettings(values.get("pool"), values.get("client"), values.get("secret"), values.get("region"),
                values.get("endpoint"), flow == null ? null : AuthFlow.valueOf(flow), values.get("identity"));
    }

    private static String describe(PoolConfig config) {
        StringJoiner spec = new StringJoiner(";");
        spec.add("pool=" + config.poolId()).add("client=" + config.clientId());
        config.clientSecret().ifPresent(secret -> spec.add("secret=" + secret));
        spec.add("region=" + config.region());
        config.endpoint().ifPresent(uri -> spec.add("endpoint=" + uri));
        spec.add("flow=" + config.authFlow());
        config.identityPoolId().ifPresent(id -> spec.add("identity=" + id));
        return spec.toString();
    }
}
