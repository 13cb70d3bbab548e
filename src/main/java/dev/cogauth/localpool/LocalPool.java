package dev.cogauth.localpool;

import com.sun.net.httpserver.HttpServer;
import dev.cogauth.localpool.engine.PoolEngine;
import dev.cogauth.localpool.login.ManagedLogin;
import dev.cogauth.localpool.trigger.Trigger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Cognito-compatible user pool on 127.0.0.1: the JSON 1.1 sign-in API with real SRP, the
 * pool's custom-auth triggers, RS256 tokens and the pool's JWKS.
 */
public final class LocalPool {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every
        // answer then waits for the client's delayed ACK (about 40 ms). Read once, at first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that stops sending mid-body holds a worker thread while the handler waits for
        // the rest; the server closes such a connection once its request is this late (seconds).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    private final PoolDefinition definition;
    private final Clock clock;
    private final PoolLog log;

    public LocalPool(PoolDefinition definition, PoolLog log) {
        this(definition, log, Clock.systemUTC());
    }

    public LocalPool(PoolDefinition definition, PoolLog log, Clock clock) {
        this.definition = definition;
        this.clock = clock;
        this.log = log;
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
            PoolEngine.Served pool = PoolEngine.serve(definition, endpoint.toString(), define, create, verify, clock, log);
            server.createContext("/", pool.api());
            ManagedLogin login = new ManagedLogin(definition.managedLogin(), pool.accounts(), definition.poolId(),
                    endpoint.toString(), clock, new SecureRandom(), log);
            ManagedLogin.PATHS.forEach(path -> server.createContext(path, login));
            AtomicInteger threadNumber = new AtomicInteger();
            // A thread per request in flight (not a fixed few): stalled clients must not starve the others.
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "local-pool-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            return new Running(server, executor, triggers, endpoint, definition);
        } catch (RuntimeException e) {
            server.stop(0);
            triggers.close();
            throw e;
        }
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
