package dev.cogauth.localpool;

import com.sun.net.httpserver.HttpServer;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.PoolLimits;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolEngine;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.login.ManagedLogin;
import dev.cogauth.localpool.trigger.Trigger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
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
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final PoolDefinition definition;
    private final Clock clock;
    private final PoolLog log;
    private final PoolLimits limits;
    private final Outbox outbox;

    public LocalPool(PoolDefinition definition, PoolLog log) {
        this(definition, log, Clock.systemUTC());
    }

    public LocalPool(PoolDefinition definition, PoolLog log, Clock clock) {
        this(definition, log, clock, PoolLimits.DEFAULT, Outbox.none());
    }

    /** A pool with other limits than the default; the connection and request-time limits are process-wide (see above). */
    public LocalPool(PoolDefinition definition, PoolLog log, Clock clock, PoolLimits limits) {
        this(definition, log, clock, limits, Outbox.none());
    }

    /** @param outbox where the codes the pool "sends" by email or SMS are also written */
    public LocalPool(PoolDefinition definition, PoolLog log, Clock clock, Outbox outbox) {
        this(definition, log, clock, PoolLimits.DEFAULT, outbox);
    }

    public LocalPool(PoolDefinition definition, PoolLog log, Clock clock, PoolLimits limits, Outbox outbox) {
        this.definition = definition;
        this.clock = clock;
        this.log = log;
        this.limits = limits;
        this.outbox = outbox;
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
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            PoolEngine.Served pool = PoolEngine.serve(definition, endpoint.toString(), define, create, verify, clock, log,
                    limits.openSessions(), outbox);
            server.createContext("/", pool.api());
            ManagedLogin login = new ManagedLogin(definition.managedLogin(), pool.accounts(), definition.poolId(),
                    endpoint.toString(), clock, new SecureRandom(), log, open(triggers, t.preTokenGeneration()));
            ManagedLogin.PATHS.forEach(path -> server.createContext(path, login));
            ExecutorService executor = executor(limits.threads(), threadPrefix(endpoint.getPort()));
            server.setExecutor(executor);
            server.start();
            return new Running(server, executor, triggers, endpoint, definition);
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

        private Running(HttpServer server, ExecutorService executor, TriggerFactory triggers, URI endpoint,
                        PoolDefinition definition) {
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

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
            triggers.close();
        }
    }
}
