package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.protocol.AuthFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileStoreTest {
    @TempDir
    Path dir;

    private static Profile profile(String name, String configFile, String poolId, String username) {
        return new Profile(name, configFile, poolId, poolId == null ? null : "client1", null, null, null, username, null);
    }

    @Nested
    class A_saved_profile {
        @Test
        void reads_back_the_same() throws ConfigException {
            ProfileStore store = new ProfileStore(dir);
            Profile saved = new Profile("dev", null, "us-east-1_AbC", "client1", "us-east-1", "http://127.0.0.1:9229",
                    "USER_SRP_AUTH", "alice", "us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
            store.save(saved);
            assertEquals(Optional.of(saved), store.load("dev"));
            assertEquals(List.of("dev"), store.names());
        }

        @Test
        void keeps_whether_credentials_may_sign_in_on_the_terminal() throws Exception {
            ProfileStore store = new ProfileStore(dir);
            Profile saved = new Profile("tty", null, "us-east-1_AbC", "client1", null, null, null, "alice", null, true);
            store.save(saved);
            assertEquals(Optional.of(saved), store.load("tty"));
            assertEquals(Boolean.TRUE, store.load("tty").orElseThrow().with(new Profile("tty", null, null, null, null,
                    null, null, "bob", null)).interactive(), "kept when another field changes");
            Files.writeString(store.fileOf("tty"), "{\"userPoolId\": \"us-east-1_AbC\", \"interactive\": \"yes\"}");
            ConfigException e = assertThrows(ConfigException.class, () -> store.load("tty"));
            assertTrue(e.getMessage().contains("interactive") && e.getMessage().contains("true or false"),
                    e.getMessage());
        }

        @Test
        void is_a_config_file_overridden_by_its_own_fields() throws Exception {
            Path config = dir.resolve("awsconfiguration.json");
            Files.writeString(config, """
                    {"CognitoUserPool": {"Default": {"PoolId": "eu-west-1_FromFile", "AppClientId": "fileclient",
                      "Region": "eu-west-1"}}}
                    """);
            Profile profile = new Profile("p", config.toString(), null, "profileclient", null, null, "USER_PASSWORD_AUTH",
                    null, null);
            PoolConfig resolved = PoolConfigResolver.resolve(profile.settings(), PoolSettings.empty(), Map.of());
            assertEquals("eu-west-1_FromFile", resolved.poolId());
            assertEquals("profileclient", resolved.clientId());
            assertEquals(AuthFlow.USER_PASSWORD_AUTH, resolved.authFlow());
        }

        @Test
        void changes_only_what_is_given() {
            Profile before = profile("p", null, "us-east-1_AbC", "alice");
            Profile after = before.with(new Profile("p", null, null, null, null, null, null, "bob", null));
            assertEquals("us-east-1_AbC", after.poolId());
            assertEquals("bob", after.username());
        }
    }

    @Nested
    class A_profile_is_refused {
        @ParameterizedTest(name = "named {0}")
        @ValueSource(strings = {"", "../evil", "a/b", ".hidden", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "with space"})
        void with_a_name_that_is_no_plain_file_name(String name) {
            ConfigException e = assertThrows(ConfigException.class, () -> new ProfileStore(dir).load(name));
            assertTrue(e.getMessage().contains("profile name"), e.getMessage());
        }

        @ParameterizedTest(name = "pool id {0}")
        @CsvSource({"nonsense", "us-east-1"})
        void with_a_bad_setting_and_nothing_is_written(String poolId) {
            ProfileStore store = new ProfileStore(dir);
            assertThrows(ConfigException.class, () -> store.save(profile("bad", null, poolId, null)));
            assertFalse(Files.exists(store.fileOf("bad")));
        }

        @Test
        void when_its_file_is_not_json_with_a_message_naming_the_file() throws Exception {
            ProfileStore store = new ProfileStore(dir);
            Files.createDirectories(store.fileOf("x").getParent());
            Files.writeString(store.fileOf("x"), "{not json");
            ConfigException e = assertThrows(ConfigException.class, () -> store.load("x"));
            assertTrue(e.getMessage().startsWith(store.fileOf("x").toString()), e.getMessage());
        }

        @Test
        void when_a_field_is_not_a_string() throws Exception {
            ProfileStore store = new ProfileStore(dir);
            Files.createDirectories(store.fileOf("x").getParent());
            Files.writeString(store.fileOf("x"), "{\"userPoolId\": 7}");
            ConfigException e = assertThrows(ConfigException.class, () -> store.load("x"));
            assertTrue(e.getMessage().contains("userPoolId"), e.getMessage());
        }
    }

    @Test
    void an_unknown_profile_is_absent() throws ConfigException {
        assertEquals(Optional.empty(), new ProfileStore(dir).load("nobody"));
        assertEquals(List.of(), new ProfileStore(dir).names());
    }
}
