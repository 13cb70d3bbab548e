package dev.cogauth.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives the browser's redirect on exactly the redirect URI's loopback host, port and path,
 * once. The page the browser then sees is given by whoever handles the callback (after the code
 * exchange, so it tells the real outcome). Other paths get 404; a second redirect gets 409.
 * A Ctrl-C closes the socket before the JVM exits.
 */
public final class LoopbackListener implements AutoCloseable {
    /** How long the browser's request waits for the outcome page before getting a generic one. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    private final HttpServer server;
    private final URI redirectUri;
    private final String path;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<Callback> callback = new CompletableFuture<>();
    private final CountDownLatch answered = new CountDownLatch(1);
    private final Thread closeOnExit;
    /** More than one thread: the redirect's request waits for its page while a second one is refused. */
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "cogauth-listener");
        thread.setDaemon(true);
        return thread;
    });

    private LoopbackListener(HttpServer server, URI redirectUri) {
        this.server = server;
        this.redirectUri = redirectUri;
        this.path = redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty() ? "/" : redirectUri.getRawPath();
        // Runs only when the JVM exits while listening: Ctrl-C or a kill. Says so on a line of its own.
        this.closeOnExit = new Thread(() -> {
            server.stop(0);
            System.err.println();
            System.err.println("cogauth: interrupted; stopped listening on " + redirectUri);
        }, "cogauth-listener-close");
    }

    /**
     * Listens for {@code redirectUri}.
     *
     * @throws IllegalArgumentException when it is not an http loopback URI with a port
     * @throws BrowserSignInException   ({@link BrowserSignInException.Kind#UNUSABLE_REDIRECT}) when the port is taken
     */
    public static LoopbackListener start(String redirectUri) {
        Optional<String> problem = Loopback.problemWith(redirectUri);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        URI uri = URI.create(redirectUri);
        InetAddress address = bindAddress(uri.getHost());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, uri.getPort()), 8);
        } catch (BindException e) {
            throw new BrowserSignInException(BrowserSignInException.Kind.UNUSABLE_REDIRECT, "cannot listen for the"
                    + " redirect URI " + redirectUri + ": port " + uri.getPort() + " on " + address.getHostAddress()
                    + " is in use (" + e.getMessage() + "); stop what uses it or register another callback URL");
        } catch (IOException e) {
            throw new BrowserSignInException(BrowserSignInException.Kind.UNUSABLE_REDIRECT, "cannot listen for the"
                    + " redirect URI " + redirectUri + ": " + e.getMessage());
        }
        LoopbackListener listener = new LoopbackListener(server, uri);
        server.createContext("/", listener::handle);
        server.setExecutor(listener.executor);
        server.start();
        Runtime.getRuntime().addShutdownHook(listener.closeOnExit);
        return listener;
    }

    /** "localhost" means the IPv4 loopback, as browsers try it; a literal address must be a loopback one. */
    static InetAddress bindAddress(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(host + " is not a loopback address: cogauth listens on loopback only");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(host + " is not a loopback address: cogauth listens on loopback only");
        }
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Waits for the redirect.
     *
     * @throws BrowserSignInException ({@link BrowserSignInException.Kind#TIMED_OUT}) when none came in time
     */
    public Callback await(Duration timeout) throws InterruptedException {
        try {
            return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrowserSignInException(BrowserSignInException.Kind.TIMED_OUT, "no sign-in came back to "
                    + redirectUri + " within " + Durations.describe(timeout) + " (--browser-timeout)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the callback future is only ever completed normally", e);
        }
    }

    /** Stops listening, once the browser got its page (or at once when no redirect came). */
    @Override
    public void close() {
        if (taken.get()) {
            try {
                answered.await(PAGE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already shutting down; the hook does the same.
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getRawPath().equals(path) || !exchange.getRequestMethod().equals("GET")) {
                send(exchange, 404, "text/plain", "Not found: cogauth listens only for " + redirectUri);
                return;
            }
            if (!taken.compareAndSet(false, true)) {
                send(exchange, 409, "text/html", HtmlPage.callback(false, "Already answered",
                        "cogauth took the first sign-in that came back here and stopped listening."));
                return;
            }
            Callback received = new Callback(Form.decode(exchange.getRequestURI().getRawQuery()));
            callback.complete(received);
            String page;
            try {
                page = received.page.get(PAGE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                page = HtmlPage.callback(false, "No answer from cogauth", "See the terminal for what happened.");
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, 200, "text/html", page);
        } finally {
            if (taken.get()) {
                answered.countDown();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The redirect's query parameters; {@link #respond} gives the browser its page. */
    public static final class Callback {
        private final Map<String, String> query;
        private final CompletableFuture<String> page = new CompletableFuture<>();

        Callback(Map<String, String> query) {
            this.query = Map.copyOf(query);
        }

        public Optional<String> parameter(String name) {
            return Optional.ofNullable(query.get(name)).filter(value -> !value.isEmpty());
        }

        public void respond(String html) {
            page.complete(html);
        }
    }
}
