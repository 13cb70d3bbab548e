package dev.cogauth.oauth;

import dev.cogauth.protocol.Form;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives the browser's redirect on the redirect URI's port, path and every loopback address its host
 * names ({@code localhost}: 127.0.0.1 and ::1, as browsers try both), once. Only a GET of the exact path
 * whose query the {@link Check} accepts is the redirect; anything else gets an error page and the listener
 * keeps waiting, so a forged request cannot end the real sign-in. The accepted request's page is given by
 * whoever handles the callback (after the code exchange, so it tells the real outcome); requests after it get
 * 409 and change nothing.
 *
 * <p>Another local process may connect and send nothing, or trickle bytes: each connection has
 * {@link #HEAD_DEADLINE} in all to send its request head of at most {@link #HEAD_LIMIT} bytes;
 * {@link #WORKERS} connections are served at once and {@link #QUEUED} more wait their turn. When even the
 * queue is full, the connection that has been sending its head longest is dropped to make room, so a flood
 * of idle connections delays the browser's redirect but cannot keep it out. A Ctrl-C closes the sockets
 * before the JVM exits.
 */
public final class LoopbackListener implements AutoCloseable {
    /** How long the browser's request waits for the outcome page before getting a generic one. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
    /** A browser sends its request head at once; this is for whoever does not. */
    static final Duration HEAD_DEADLINE = Duration.ofSeconds(5);
    static final int HEAD_LIMIT = 8 * 1024;
    static final int WORKERS = 32;
    static final int QUEUED = 64;
    private static final Duration ROOM_WAIT = Duration.ofSeconds(1);
    private static final int BACKLOG = 50;
    private static final Duration DRAIN = Duration.ofSeconds(1);

    /** Whether a request's query is the one waited for. */
    @FunctionalInterface
    public interface Check {
        /** Empty when {@code query} is the redirect waited for, else why not (shown to whoever sent it). */
        Optional<String> refusal(Map<String, String> query);
    }

    private final List<ServerSocket> sockets;
    private final URI redirectUri;
    private final String path;
    private final Check check;
    private final Runnable onRefusal;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<Callback> callback = new CompletableFuture<>();
    /** Counted down when the browser's own redirect got its page; nothing else releases it. */
    private final CountDownLatch pageSent = new CountDownLatch(1);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** The connections whose request head is being read, with when that began. */
    private final Map<Socket, Long> reading = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 10, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED), runnable -> daemon(runnable, "cogauth-listener"), this::makeRoom);
    private final Thread closeOnExit;

    private LoopbackListener(List<ServerSocket> sockets, URI redirectUri, Check check, Runnable onRefusal) {
        this.sockets = sockets;
        this.redirectUri = redirectUri;
        this.path = redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty() ? "/" : redirectUri.getRawPath();
        this.check = check;
        this.onRefusal = onRefusal;
        workers.allowCoreThreadTimeOut(true);
        // Runs only when the JVM exits while listening: Ctrl-C or a kill. Says so on a line of its own.
        this.closeOnExit = new Thread(() -> {
            closeSockets();
            System.err.println();
            System.err.println("cogauth: interrupted; stopped listening on " + redirectUri);
        }, "cogauth-listener-close");
    }

    /**
     * Listens for {@code redirectUri} on every loopback address its host names.
     *
     * @param onRefusal run each time a request to the path was refused by {@code check}
     * @throws IllegalArgumentException when it is not an http loopback URI with a port
     * @throws BrowserSignInException   ({@link BrowserSignInException.Kind#UNUSABLE_REDIRECT}) when the port is
     *                                  taken on any of the addresses
     */
    public static LoopbackListener start(String redirectUri, Check check, Runnable onRefusal) {
        Optional<String> problem = Loopback.problemWith(redirectUri);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        URI uri = URI.create(redirectUri);
        List<ServerSocket> bound = new ArrayList<>();
        for (var address : LoopbackAddresses.of(uri.getHost())) {
            try {
                ServerSocket socket = new ServerSocket();
                bound.add(socket);
                socket.bind(new InetSocketAddress(address, uri.getPort()), BACKLOG);
            } catch (BindException e) {
                closeAll(bound);
                throw new BrowserSignInException(BrowserSignInException.Kind.UNUSABLE_REDIRECT, "cannot listen for"
                        + " the redirect URI " + redirectUri + ": port " + uri.getPort() + " on "
                        + (address instanceof Inet6Address ? "[::1]" : address.getHostAddress()) + " is in use (" + e.getMessage() + "), and a browser could be"
                        + " sent there; stop what uses it or register another callback URL");
            } catch (IOException e) {
                closeAll(bound);
                throw new BrowserSignInException(BrowserSignInException.Kind.UNUSABLE_REDIRECT, "cannot listen for the"
                        + " redirect URI " + redirectUri + ": " + e.getMessage());
            }
        }
        LoopbackListener listener = new LoopbackListener(List.copyOf(bound), uri, check, onRefusal);
        for (ServerSocket socket : listener.sockets) {
            daemon(() -> listener.accept(socket), "cogauth-accept").start();
        }
        Runtime.getRuntime().addShutdownHook(listener.closeOnExit);
        return listener;
    }

    /** The port listened on. */
    public int port() {
        return sockets.get(0).getLocalPort();
    }

    /**
     * Offers a redirect's query that reached cogauth another way (pasted by the user). Empty when it is the one
     * waited for, or was already taken; else why not.
     */
    public Optional<String> offer(Map<String, String> query) {
        Optional<String> refusal = check.refusal(query);
        if (refusal.isEmpty() && taken.compareAndSet(false, true)) {
            pageSent.countDown(); // no browser waits for a page
            callback.complete(new Callback(query));
        }
        return refusal;
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
                pageSent.await(PAGE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeSockets();
        workers.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already shutting down; the hook does the same.
        }
    }

    private void closeSockets() {
        closeAll(sockets);
        closeAll(open);
    }

    private static void closeAll(Iterable<? extends AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(connection);
            try {
                workers.execute(() -> serve(connection));
            } catch (RejectedExecutionException busy) {
                forget(connection);
            }
        }
    }

    /** Every worker busy and the queue full: drops the slowest sender, then waits briefly for a place. */
    private void makeRoom(Runnable task, ThreadPoolExecutor executor) {
        reading.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).ifPresent(this::forget);
        try {
            if (!executor.isShutdown() && executor.getQueue().offer(task, ROOM_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RejectedExecutionException("the listener is busy");
    }

    private void serve(Socket connection) {
        boolean theRedirect = false;
        try {
            reading.put(connection, System.nanoTime());
            Optional<RequestHead> head = RequestHead.read(connection, HEAD_DEADLINE, HEAD_LIMIT);
            reading.remove(connection);
            if (head.isEmpty()) {
                send(connection, 431, "text/plain", "Request header too large");
                return;
            }
            RequestHead request = head.get();
            if (!request.method().equals("GET") || !request.path().equals(path)) {
                send(connection, 404, "text/plain", "Not found: cogauth listens only for " + redirectUri);
                return;
            }
            if (taken.get()) {
                send(connection, 409, "text/html", HtmlPage.callback(false, "Already answered",
                        "cogauth took the sign-in that came back here and stopped listening."));
                return;
            }
            Map<String, String> query = Form.decode(request.rawQuery());
            Optional<String> refusal = check.refusal(query);
            if (refusal.isPresent()) {
                onRefusal.run();
                send(connection, 400, "text/html", HtmlPage.callback(false, "Not this sign-in", refusal.get()
                        + " cogauth keeps waiting for the sign-in it started."));
                return;
            }
            if (!taken.compareAndSet(false, true)) {
                send(connection, 409, "text/html", HtmlPage.callback(false, "Already answered",
                        "cogauth took the sign-in that came back here and stopped listening."));
                return;
            }
            theRedirect = true;
            Callback received = new Callback(query);
            callback.complete(received);
            String page;
            try {
                page = received.page.get(PAGE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                page = HtmlPage.callback(false, "No answer from cogauth", "See the terminal for what happened.");
            }
            send(connection, 200, "text/html", page);
        } catch (SocketTimeoutException slow) {
            // The head did not come in time: drop the connection.
        } catch (IOException gone) {
            // The peer went away; nothing to answer.
        } finally {
            forget(connection);
            if (theRedirect) {
                pageSent.countDown();
            }
        }
    }

    private void forget(Socket connection) {
        reading.remove(connection);
        open.remove(connection);
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void send(Socket connection, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: " + type + "; charset=utf-8\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Referrer-Policy: no-referrer\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = connection.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        // Read nothing more; closing with unread bytes could reset the connection before the page arrives.
        connection.shutdownOutput();
        connection.setSoTimeout((int) DRAIN.toMillis());
        drain(connection.getInputStream());
    }

    /** Reads what the peer still sends (briefly) so the close is orderly and the browser gets its page. */
    private static void drain(InputStream in) {
        byte[] sink = new byte[1024];
        try {
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // timed out or reset: done either way
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            default -> "Request Header Fields Too Large";
        };
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
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
