package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.protocol.AuthFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The files in config-samples/ (read from the project root, as users would) load as documented. */
class ConfigSamplesTest {
    private static final Path SAMPLES = Path.of("config-samples");
    /** Samples in config-samples/ that are not pool config files. */
    private static final Set<String> NOT_POOL_CONFIGS = Set.of("local-pool.json");

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("awsconfiguration.json", new PoolSettings("us-east-1_EXAMPLE12",
                        "1example23456789abcdefghij", null, "us-east-1", null, AuthFlow.CUSTOM_WITH_SRP,
                        "us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d")),
                Arguments.of("awsconfiguration-client-secret.json", new PoolSettings("eu-west-1_EXAMPLE34",
                        "2example34567890bcdefghijk", "placeholder-not-a-real-secret-0123456789abcdefghijkl",
                        "eu-west-1", null, AuthFlow.USER_SRP_AUTH, null)),
                Arguments.of("awsconfiguration-endpoint.json", new PoolSettings("us-east-1_EXAMPLE90",
                        "5example67890efghijklmnopq", null, "us-east-1", "http://127.0.0.1:9229",
                        AuthFlow.CUSTOM_WITH_SRP, null)),
                Arguments.of("amplifyconfiguration.json", new PoolSettings("ap-southeast-2_EXAMPLE56",
                        "3example4567890cdefghijklm", null, "ap-southeast-2", null, AuthFlow.CUSTOM_WITHOUT_SRP,
                        "ap-southeast-2:1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e")),
                Arguments.of("amplify_outputs.json", new PoolSettings("us-west-2_EXAMPLE78",
                        "4example567890defghijklmno", null, "us-west-2", null, AuthFlow.CUSTOM_WITH_SRP,
                        "us-west-2:2c3d4e5f-6a7b-8c9d-0e1f-2a3b4c5d6e7f")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("samples")
    void sampleLoadsToTheDocumentedSettings(String fileName, PoolSettings expected) throws ConfigException {
        assertEquals(expected, ConfigFiles.load(SAMPLES.resolve(fileName)), fileName);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("samples")
    void sampleResolvesToAUsableConfig(String fileName, PoolSettings expected) throws ConfigException {
        PoolConfig config = PoolConfigResolver.resolve(ConfigFiles.load(SAMPLES.resolve(fileName)),
                PoolSettings.empty(), Map.of());
        assertEquals(expected.poolId(), config.poolId());
        assertEquals(expected.region(), config.region());
    }

    @Test
    void everyPoolConfigSampleIsCoveredHere() throws IOException {
        Set<String> covered = samples().map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            onDisk = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !NOT_POOL_CONFIGS.contains(name))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(covered, onDisk, "a new sample in config-samples/ needs its expected settings here");
    }

    @Test
    void readmeMentionsEverySample() throws IOException {
        String readme = Files.readString(SAMPLES.resolve("README.md"));
        List<String> missing = samples().map(arguments -> (String) arguments.get()[0])
                .filter(name -> !readme.contains(name)).toList();
        assertEquals(List.of(), missing, "config-samples/README.md should document every sample");
    }
}
