package dev.cogauth.localpool;

import com.sun.net.httpserver.HttpServer;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.PoolLimits;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolEngine;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.engine.StateFile;
import dev.cogauth.localpool.login.ManagedLogin;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.protocol.PoolId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Cognito-compatible user pool on 127.0.0.1: the JSON 1.1 sign-in API with real SRP, the
 * pool's custom-auth triggers, RS256 tokens and the pool's JWKS.
 */
public final class LocalPool {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every
        // answer then waits for the client's delayed ACK (about 40 ms). Read once, at first use.
        setDefault("sun.net.httpserver.nodelay", "true");
        // A client that stops sending mid-request (slowloris) holds a connection and, mid-body, a
        // thread; the server closes a connection whose request is this late (seconds), and
        // closes connections beyond the maximum as they arrive. The JDK reads these once, when
        // its first server starts, so they hold for every pool of this process.
        setDefault("sun.net.httpserver.maxReqTime", Long.toString(PoolLimits.DEFAULT.requestTime().toSeconds()));
        setDefault("jdk.httpserver.maxConnections", Integer.toString(PoolLimits.DEFAULT.connections()));
        // Beyond 200 idle connections the JDK server hangs up on each one it has just answered; a
        // client that keeps its connections (every SDK does) then sends its next request into the
        // closed end, and a POST is not retried. Idle connections hold no thread, so keep as many
        // as may be open; they are still closed after the idle interval.
        setDefault("sun.net.httpserver.maxIdleConnections", Integer.toString(PoolLimits.DEFAULT.connections()));
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final PoolDefinition definition;
    private final SettableClock clock;
    private final PoolLog log;
    private final PoolLimits limits;
    private final Outbox outbox;
    private final StateFile state;

    private LocalPool(PoolDefinition definition, PoolLog log, SettableClock clock, PoolLimits limits, Outbox outbox,
                      StateFile state) {
        this.state = state;
        this.definition = definition;
        this.clock = clock;
        this.log = log;
        this.limits = limits;
        this.outbox = outbox;
    }

    /**
     * A pool from a pool file, a definition, or clients and users given one by one (or both: what is
     * given one by one joins the file's). Without anything, a pool {@value Builder#DEFAULT_POOL_ID}
     * with one public client {@value Builder#DEFAULT_CLIENT_ID}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LocalPool}; every setting has a default, see {@link LocalPool#builder()}. */
    public static final class Builder {
        public static final String DEFAULT_POOL_ID = "us-east-1_LocalTest";
        public static final String DEFAULT_CLIENT_ID = "localtestclient";

        private PoolDefinition base;
        private String poolId;
        private final List<ClientDefinition> clients = new ArrayList<>();
        private final List<UserDefinition> users = new ArrayList<>();
        private PoolDefinition.TriggerDefinitions triggers;
        private PoolLog log = PoolLog.silent();
        private Clock clock = Clock.systemUTC();
        private PoolLimits limits = PoolLimits.DEFAULT;
        private Outbox outbox;
        private StateFile state;

        private Builder() {
        }

        /** Everything this definition says; clients and users given afterwards are added to it. */
        public Builder definition(PoolDefinition definition) {
            this.base = Objects.requireNonNull(definition, "definition");
            return this;
        }

        /** The pool file's pool (docs/local-pool.md); its trigger files are found relative to it. */
        public Builder poolFile(Path file) throws PoolFileException {
            return definition(PoolFile.load(file));
        }

        /** The pool id when no file or definition gives one, e.g. {@code us-east-1_MyTests}. */
        public Builder poolId(String poolId) {
            this.poolId = Objects.requireNonNull(poolId, "poolId");
            return this;
        }

        /** A public app client allowing every flow. */
        public Builder client(String clientId) {
            return client(ClientDefinition.publicClient(clientId));
        }

        public Builder client(ClientDefinition client) {
            clients.add(Objects.requireNonNull(client, "client"));
            return this;
        }

        /** A confirmed user with this password and no attributes but {@code sub}. */
        public Builder user(String username, String password) {
            return user(new UserDefinition(username, password, UserDefinition.UserStatus.CONFIRMED,
                    UserDefinition.MfaSettings.NONE, java.util.Map.of()));
        }

        public Builder user(UserDefinition user) {
            users.add(Objects.requireNonNull(user, "user"));
            return this;
        }

        /** The pool's triggers (custom auth and sign-in), replacing the file's. */
        public Builder triggers(PoolDefinition.TriggerDefinitions triggers) {
            this.triggers = Objects.requireNonNull(triggers, "triggers");
            return this;
        }

        /** Define, Create and Verify Auth Challenge as Java objects in this process. */
        public Builder customAuth(Trigger define, Trigger create, Trigger verify) {
            return triggers(new PoolDefinition.TriggerDefinitions(new TriggerDefinition.InProcess(define),
                    new TriggerDefinition.InProcess(create), new TriggerDefinition.InProcess(verify),
                    PoolDefinition.TriggerDefinitions.DEFAULT_TIMEOUT));
        }

        /** Where steps and notices go; silent by default. */
        public Builder log(PoolLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** The time the pool runs on; the running pool's {@link Running#clock()} moves it further. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Other limits than the default; the connection and request-time limits are process-wide (see above). */
        public Builder limits(PoolLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Keeps the pools and users created at run time in {@code state} across restarts (none by default). */
        public Builder state(StateFile state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /** Where the codes the pool "sends" go; by default kept in memory ({@link Running#outbox()}). */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        public LocalPool build() {
            PoolDefinition definition = base;
            if (definition == null) {
                List<ClientDefinition> own = clients.isEmpty() ? List.of(ClientDefinition.publicClient(DEFAULT_CLIENT_ID))
                        : clients;
                String id = poolId != null ? poolId : DEFAULT_POOL_ID;
                definition = new PoolDefinition(id, PoolId.regionOfUserPool(id), PoolDefinition.MfaMode.OPTIONAL,
                        own, users, triggers != null ? triggers : PoolDefinition.TriggerDefinitions.none());
            } else {
                List<ClientDefinition> allClients = new ArrayList<>(definition.clients());
                allClients.addAll(clients);
                List<UserDefinition> allUsers = new ArrayList<>(definition.users());
                allUsers.addAll(users);
                definition = new PoolDefinition(poolId != null ? poolId : definition.poolId(), definition.region(),
                        definition.mfa(), allClients, allUsers, triggers != null ? triggers : definition.triggers(),
                        definition.deviceTracking(), definition.signInPolicy(), definition.managedLogin(),
                        definition.identityPools());
            }
            return new LocalPool(definition, log, clock instanceof SettableClock settable ? settable
                    : new SettableClock(clock), limits, outbox != null ? outbox : Outbox.inMemory(), state);
        }

        /** Builds the pool and serves it on a free port. */
        public Running start() throws IOException {
            return build().start(0);
        }
    }

    /** Serves the pool on 127.0.0.1 at {@code port}, or a free port when 0. */
    public Running start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        PoolDefinition.TriggerDefinitions t = definition.triggers();
        TriggerFactory triggers = new TriggerFactory(log, t.timeout());
        try {
            Trigger define = open(triggers, t.define());
            Trigger create = open(triggers, t.create());
            Trigger verify = open(triggers, t.verify());
            Trigger preTokenGeneration = open(triggers, t.preTokenGeneration());
            PoolEngine.SignInTriggerSet signIn = new PoolEngine.SignInTriggerSet(open(triggers, t.preAuthentication()),
                    open(triggers, t.postAuthentication()), preTokenGeneration, t.preTokenGenerationVersion(),
                    open(triggers, t.preSignUp()), open(triggers, t.postConfirmation()),
                    open(triggers, t.userMigration()), open(triggers, t.customMessage()));
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            PoolEngine.Served pool = PoolEngine.serve(definition, endpoint.toString(), define, create, verify, signIn, clock,
                    log, limits, outbox, state);
            server.createContext("/", pool.api());
            ManagedLogin login = new ManagedLogin(definition.managedLogin(), pool.accounts(), definition.poolId(),
                    endpoint.toString(), clock, new SecureRandom(), log,
                    // Cognito customises machines' access tokens only with the version 3 event.
                    t.preTokenGenerationVersion() == 3 ? preTokenGeneration : null);
            ManagedLogin.PATHS.forEach(path -> server.createContext(path, login));
            ExecutorService executor = executor(limits.threads(), threadPrefix(endpoint.getPort()));
            server.setExecutor(executor);
            server.start();
            return new Running(server, executor, triggers, endpoint, definition, clock, outbox, pool.saveState());
        } catch (RuntimeException e) {
            server.stop(0);
            triggers.close();
            throw e;
        }
    }

    /**
     * At most {@code threads} threads, started as requests come and ended after a minute idle,
     * so that a burst leaves no threads behind; requests beyond them wait in line. Connections
     * (and so the line) are bounded by the server, and slow ones are cut off after the request time.
     */
    private static ExecutorService executor(int threads, String prefix) {
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, prefix + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** How the threads handling the requests of the pool on {@code port} are named. */
    static String threadPrefix(int port) {
        return "local-pool-" + port + "-";
    }

    private static Trigger open(TriggerFactory triggers, TriggerDefinition trigger) {
        return trigger == null ? null : triggers.open(trigger);
    }

    /** A serving pool; {@link #close} stops it and its triggers. */
    public static final class Running implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor;
        private final TriggerFactory triggers;
        private final URI endpoint;
        private final PoolDefinition definition;
        private final SettableClock clock;
        private final Outbox outbox;
        private final Runnable saveState;

        private Running(HttpServer server, ExecutorService executor, TriggerFactory triggers, URI endpoint,
                        PoolDefinition definition, SettableClock clock, Outbox outbox, Runnable saveState) {
            this.saveState = saveState;
            this.clock = clock;
            this.outbox = outbox;
            this.server = server;
            this.executor = executor;
            this.triggers = triggers;
            this.endpoint = endpoint;
            this.definition = definition;
        }

        /** Where clients send requests, e.g. {@code http://127.0.0.1:43117}. */
        public URI endpoint() {
            return endpoint;
        }

        public PoolDefinition definition() {
            return definition;
        }

        /** The user pool's id, e.g. {@code us-east-1_LocalTest}. */
        public String poolId() {
            return definition.poolId();
        }

        public String region() {
            return definition.region();
        }

        /** The first app client's id: the one {@code --write-config} names. */
        public String clientId() {
            return definition.clients().get(0).clientId();
        }

        public List<String> clientIds() {
            return definition.clients().stream().map(ClientDefinition::clientId).toList();
        }

        /** The pool's clock: move it to expire sessions, codes and tokens. */
        public SettableClock clock() {
            return clock;
        }

        /** The codes the pool "sent" by email or SMS (kept in memory unless the builder was given another outbox). */
        public Outbox outbox() {
            return outbox;
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
            triggers.close();
            saveState.run();
        }
    }
}
