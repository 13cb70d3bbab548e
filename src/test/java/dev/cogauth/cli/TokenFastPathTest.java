package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.tokens.CacheKey;
import dev.cogauth.tokens.TokenCache;
import dev.cogauth.tokens.TokenEntry;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link TokenFastPath} either declines or sets exactly what picocli sets for {@code token}: every option it takes is
 * checked against picocli's model of the command, and each accepted argument vector against picocli's parse of it.
 */
class TokenFastPathTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CliContext CONTEXT = CliContext.of(Map.of(), InputStream.nullInputStream(), CLOCK);

    /** Arguments after {@code token} the fast path takes; together they use every name it knows. */
    static final List<String> ACCEPTED = List.of(
            "",
            "--debug",
            "-p work", "--profile work", "--profile=work", "--profile=a=b",
            "-u alice", "--username alice@example.com", "--username=bob",
            "-t access", "--type ACCESS", "--type=access_token", "-t id",
            "--min-ttl 90s", "--min-ttl=1h30m", "--min-ttl 300",
            "--timeout 5s", "--timeout=2m",
            "-c pool.json", "--config dir/amplify_outputs.json", "--config=awsconfiguration.json",
            "--pool-id us-east-1_AbC --client-id client1 --region us-east-1",
            "--pool-id=eu-west-1_X --client-id=abc --region=eu-west-1",
            "--endpoint-url http://127.0.0.1:9 --auth-flow USER_SRP_AUTH",
            "--endpoint-url=http://localhost:9229 --auth-flow=custom_auth",
            "-p work -u alice -t access --min-ttl 10m --timeout 3s --debug",
            "--debug --username=bob -c pool.json --min-ttl=1m");

    /** Arguments after {@code token} it leaves to picocli: help, version, anything unknown, repeated or doubtful. */
    static final List<String> DECLINED = List.of(
            "--help", "-h", "--version", "-V", "--debug --help", "-p work --version",
            "--", "-- --debug", "extra", "--debug extra",
            "--unknown", "--password x", "--PROFILE x", "--pro x", "-x",
            "--profile", "-p", "--min-ttl", "--profile=",
            "--profile --debug", "-p -u", "-u -alice", "--min-ttl -5m",
            "-pwork", "-p=work", "-t=access", "--debug=true", "--debug=false",
            "--debug --debug", "-p a --profile b", "--profile=a -p b", "-t id --type=access", "-u a -u b",
            "--type x", "--type idd", "--min-ttl soon", "--min-ttl 1d", "--min-ttl=5minutes",
            "--timeout 0", "--timeout 0s", "--timeout never",
            "@args.txt", "--profile @work", "-p @work", "--profile=@work");

    private static String[] token(String arguments) {
        List<String> args = new ArrayList<>(List.of(TokenCommand.NAME));
        if (!arguments.isEmpty()) {
            args.addAll(Arrays.asList(arguments.split(" ")));
        }
        return args.toArray(String[]::new);
    }

    /** What picocli sets for {@code token} with these arguments. */
    private static TokenCommand picocli(String... args) {
        CommandLine.ParseResult result = CogauthCommand.forArgs(CONTEXT, args).parseArgs(args);
        return (TokenCommand) result.subcommand().commandSpec().userObject();
    }

    /** Every value the command acts on, in one list. */
    private static List<Object> values(TokenCommand command) {
        PoolOptions pool = command.target.pool;
        return Arrays.asList(command.target.profile.profile, command.target.username, pool.config, pool.poolId,
                pool.clientId, pool.region, pool.endpointUrl, pool.authFlow, command.debug.debug,
                command.timeout.timeouts, command.type, command.minTtl);
    }

    private static CommandSpec tokenModel() {
        return CogauthCommand.commandLine(CONTEXT).getSubcommands().get(TokenCommand.NAME).getCommandSpec();
    }

    @ParameterizedTest(name = "[{index}] token {0}")
    @MethodSource("accepted")
    void sets_what_picocli_sets(String arguments) {
        String[] args = token(arguments);
        Optional<TokenCommand> fast = TokenFastPath.parse(CONTEXT, args);
        assertTrue(fast.isPresent(), "taken by the fast path");
        assertEquals(values(picocli(args)), values(fast.get()));
    }

    static Stream<String> accepted() {
        return ACCEPTED.stream();
    }

    @ParameterizedTest(name = "[{index}] token {0}")
    @MethodSource("declined")
    void leaves_to_picocli(String arguments) {
        assertEquals(Optional.empty(), TokenFastPath.parse(CONTEXT, token(arguments)));
    }

    static Stream<String> declined() {
        return DECLINED.stream();
    }

    @Test
    void leaves_to_picocli_an_empty_value_and_a_path_that_is_no_path() {
        assertEquals(Optional.empty(), TokenFastPath.parse(CONTEXT, "token", "-u", ""));
        assertEquals(Optional.empty(), TokenFastPath.parse(CONTEXT, "token", "--config", "a\0b"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "--version", "--help", "help token", "signin", "status", "--debug token",
        "tokens", "TOKEN"})
    void leaves_every_other_command_to_picocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(Optional.empty(), TokenFastPath.parse(CONTEXT, args));
    }

    @Test
    void takes_only_options_of_tokens_model_with_their_arity() {
        CommandSpec token = tokenModel();
        for (String name : TokenFastPath.VALUE_OPTIONS) {
            OptionSpec option = token.findOption(name);
            assertNotNull(option, name);
            assertEquals(name, option.longestName());
            assertEquals(List.of(1, 1), List.of(option.arity().min(), option.arity().max()), name);
        }
        TokenFastPath.SHORT_NAMES.forEach((shortName, longName) ->
                assertSame(token.findOption(longName), token.findOption(shortName), shortName));
        OptionSpec debug = token.findOption(DebugOption.NAME);
        assertNotNull(debug);
        assertEquals(List.of(0, 0), List.of(debug.arity().min(), debug.arity().max()));
    }

    @Test
    void the_accepted_table_uses_every_name_it_takes() {
        List<String> names = new ArrayList<>(TokenFastPath.VALUE_OPTIONS);
        names.addAll(TokenFastPath.SHORT_NAMES.keySet());
        names.add(DebugOption.NAME);
        List<String> used = ACCEPTED.stream().flatMap(arguments -> Arrays.stream(arguments.split(" ")))
                .map(word -> word.contains("=") ? word.substring(0, word.indexOf('=')) : word).toList();
        assertEquals(List.of(), names.stream().filter(name -> !used.contains(name)).toList());
    }

    /** Runs through {@link Main#run} (the fast path) end as picocli's execution of the same arguments ends. */
    @Nested
    class Runs {
        private static final CacheKey ALICE = new CacheKey("us-east-1", "us-east-1_AbCdEf123", "client1", "alice");

        @TempDir
        Path home;

        private Map<String, String> env(String cacheDir) {
            return Map.of("HOME", home.toString(), "COGAUTH_CACHE_DIR", home.resolve(cacheDir).toString(),
                    "XDG_CONFIG_HOME", home.resolve("config").toString());
        }

        private CliRun viaPicocli(Map<String, String> env, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext context = CliContext.of(env, InputStream.nullInputStream(), CLOCK);
            CommandLine cli = CogauthCommand.forArgs(context, args);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        }

        @ParameterizedTest(name = "[{index}] token {0}")
        @ValueSource(strings = {
            "",
            "-t access --debug",
            "--min-ttl 2h",
            "--min-ttl 2h --debug",
            "--profile nope",
            "--profile nope --debug",
            "--config missing.json --debug",
            "-u bob",
            "--pool-id us-east-1_Other --client-id client1",
        })
        void end_as_picocli_runs_end(String arguments) {
            AuthenticationResult tokens = TestJwts.tokens("alice", NOW.plusSeconds(3600), "refresh-x");
            new TokenCache(home.resolve("cache"), warning -> { }).store(
                    TokenEntry.fromSignIn(ALICE, "alice", "http://127.0.0.1:9", tokens, NOW, null, null));
            for (String cacheDir : List.of("cache", "empty")) {
                String[] args = token(arguments);
                assertTrue(TokenFastPath.parse(CONTEXT, args).isPresent());
                CliRun fast = CliRun.of(env(cacheDir), CLOCK, "", args);
                assertEquals(viaPicocli(env(cacheDir), args), fast, cacheDir);
            }
        }
    }
}
