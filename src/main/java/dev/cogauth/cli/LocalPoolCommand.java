package dev.cogauth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.DemoPool;
import dev.cogauth.localpool.LocalPool;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PrivateFile;
import dev.cogauth.localpool.engine.StateFile;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.PoolFile;
import dev.cogauth.localpool.PoolFileException;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "local-pool",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a Cognito-compatible user pool on 127.0.0.1 that verifies SRP for real and runs custom-auth triggers.",
            "Prints the endpoint, then an awsconfiguration.json for it, and serves until Ctrl-C or SIGTERM. "
                    + "Without --pool it serves the demo pool: user demo, password Demo-Passw0rd!, "
                    + "then the question 'What is 6 times 7?' (42), three tries; user demo-email signs in with "
                    + "USER_AUTH and a code by email, printed on stderr (and written to --outbox).",
        })
final class LocalPoolCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port on 127.0.0.1 (default: 0, a free port, printed at start).")
    int port;

    @Option(names = "--pool", paramLabel = "FILE", description = "Pool file (see docs/local-pool.md); default: the demo pool.")
    Path poolFile;

    @Option(names = "--write-config", paramLabel = "FILE", description = "Also write the awsconfiguration.json to FILE.")
    Path configFile;

    @Option(names = "--outbox", paramLabel = "DIR", description = "Also write each code the pool sends by email or "
            + "SMS to DIR, one JSON file per message (medium, destination, code, time, username, message), for tests "
            + "and scripts; the newest 1000 it wrote are kept.")
    Path outboxDir;

    @Option(names = "--state", paramLabel = "FILE", description = "Keep the pools, app clients, groups, users and "
            + "identity pools created or changed at run time in FILE (0600, written after each change and at exit) and "
            + "load them at start; sessions, codes, tokens and devices are not kept. Delete FILE to start fresh.")
    Path stateFile;

    @Option(names = "--log", description = "Print each exchange step (client, flow, challenge, trigger results, timings) "
            + "on stderr; passwords, answers, sessions and tokens are never shown.")
    boolean log;

    @Override
    public Integer call() throws Exception {
        return serve(new CountDownLatch(1), true);
    }

    /** Serves until {@code stop} opens; {@code onSignal} also opens it on Ctrl-C / SIGTERM. */
    int serve(CountDownLatch stop, boolean onSignal) throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0 to 65535");
        }
        PoolDefinition definition;
        try {
            definition = poolFile == null ? DemoPool.definition() : PoolFile.load(poolFile);
        } catch (PoolFileException e) {
            err.println("cogauth: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        PoolLog poolLog = PoolLog.to(line -> {
            err.println("local-pool: " + line);
            err.flush();
        }, log);
        Outbox outbox = Outbox.none();
        if (outboxDir != null) {
            try {
                outbox = Outbox.in(outboxDir);
            } catch (IOException e) {
                err.println("cogauth: --outbox " + outboxDir + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        LocalPool.Builder builder = LocalPool.builder().definition(definition)
                .log(poolLog).clock(Clock.systemUTC()).outbox(outbox);
        if (stateFile != null) {
            try {
                builder.state(StateFile.at(stateFile));
            } catch (IOException e) {
                err.println("cogauth: --state " + stateFile + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        LocalPool.Running running;
        try {
            running = builder.build().start(port);
        } catch (StateFile.Invalid e) {
            err.println("cogauth: --state " + stateFile + ": " + e.getMessage()
                    + "; it is left as it is: move it away (or delete it) to start fresh");
            return ExitCode.CONFIG;
        } catch (IOException e) {
            err.println("cogauth: cannot serve on 127.0.0.1:" + port + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("cogauth: " + (poolFile == null ? "" : poolFile + ": ") + e.getMessage());
            return ExitCode.CONFIG;
        }
        Thread hook = new Thread(() -> {
            close(running, err);
            err.println("Local pool stopped.");
            err.flush();
            stop.countDown();
        }, "local-pool-shutdown");
        if (onSignal) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            String config = awsConfiguration(definition, running.endpoint().toString());
            if (configFile != null) {
                // 0600 and replaced whole: it holds the app client's secret when the client has one.
                PrivateFile.write(configFile, config + System.lineSeparator());
            }
            out.println(running.endpoint());
            out.println(config);
            out.flush();
            err.println("Local pool " + definition.poolId() + " serving on " + running.endpoint()
                    + (poolFile == null ? " (demo pool: user " + DemoPool.USERNAME + ", password " + DemoPool.PASSWORD
                    + ", answer 42; user " + DemoPool.CODE_USERNAME + ": a code by email)" : "") + ". Ctrl-C stops it.");
            err.flush();
            stop.await();
            return ExitCode.OK;
        } finally {
            close(running, err);
            if (onSignal) {
                removeHook(hook);
            }
        }
    }

    /** Stops the pool; the state file's last write failing is one line, not a stack trace from the shutdown hook. */
    private static void close(LocalPool.Running running, PrintWriter err) {
        try {
            running.close();
        } catch (UncheckedIOException e) {
            err.println("cogauth: " + e.getMessage() + ": " + e.getCause().getMessage());
            err.flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what stopped us; nothing to remove
        }
    }

    /**
     * Custom auth when the client and the pool can do it, else the password flow the client allows,
     * else choice-based sign-in for a client that allows only that.
     */
    private static String flowFor(PoolDefinition definition, ClientDefinition client) {
        if (client.allows("CUSTOM_AUTH") && definition.triggers().complete()) {
            return "CUSTOM_AUTH";
        }
        if (client.allows("USER_AUTH") && !client.allows("USER_SRP_AUTH") && !client.allows("USER_PASSWORD_AUTH")) {
            return "USER_AUTH";
        }
        return client.allows("USER_SRP_AUTH") || !client.allows("USER_PASSWORD_AUTH") ? "USER_SRP_AUTH" : "USER_PASSWORD_AUTH";
    }

    /** An awsconfiguration.json for the pool's first app client, with the local Endpoint and managed login. */
    static String awsConfiguration(PoolDefinition definition, String endpoint) {
        ObjectMapper json = new ObjectMapper();
        ClientDefinition client = definition.clients().get(0);
        ObjectNode root = json.createObjectNode();
        ObjectNode pool = root.putObject("CognitoUserPool").putObject("Default")
                .put("PoolId", definition.poolId())
                .put("AppClientId", client.clientId())
                .put("Region", definition.region())
                .put("Endpoint", endpoint);
        if (client.hasSecret()) {
            pool.put("AppClientSecret", client.clientSecret());
        }
        if (!definition.identityPools().isEmpty()) {
            // cogauth credentials reads the identity pool from here; the identity service is on the same port.
            root.putObject("CredentialsProvider").putObject("CognitoIdentity").putObject("Default")
                    .put("PoolId", definition.identityPools().get(0).identityPoolId())
                    .put("Region", definition.identityPools().get(0).region());
        }
        ObjectNode auth = root.putObject("Auth").putObject("Default")
                .put("authenticationFlowType", flowFor(definition, client));
        // The managed login is on the pool's own port, so signin --browser --config FILE finds it.
        var oauth = definition.managedLogin().codeClient(client.clientId());
        if (oauth.isPresent()) {
            ObjectNode section = auth.putObject("OAuth")
                    .put("WebDomain", endpoint)
                    .put("AppClientId", client.clientId())
                    .put("SignInRedirectURI", String.join(",", oauth.get().callbackUrls()))
                    .put("SignOutRedirectURI", String.join(",", oauth.get().logoutUrls()));
            ArrayNode scopes = section.putArray("Scopes");
            for (String scope : oauth.get().scopes()) {
                scopes.add(scope);
            }
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
