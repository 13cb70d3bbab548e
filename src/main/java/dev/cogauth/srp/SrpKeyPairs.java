package dev.cogauth.srp;

import java.security.SecureRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Where one sign-in's SRP clients come from: every {@link #next()} is a fresh key pair (a, A).
 * A = g^a mod N costs tens of milliseconds in a cold JVM, so a command that knows early that it
 * will send SRP_A can have the first pair computed on a background thread while it loads its
 * config and builds its API client; later pairs (a retry, a device's SRP) are computed when
 * asked for. Each pair is handed out once.
 */
public final class SrpKeyPairs {

    private final Supplier<SecureRandom> random;
    /** The first pair, computing or computed; null when none was started or once it is taken. */
    private FutureTask<SrpClient> ahead;

    private SrpKeyPairs(Supplier<SecureRandom> random, FutureTask<SrpClient> ahead) {
        this.random = random;
        this.ahead = ahead;
    }

    /** Every pair computed when asked for, on the caller's thread. */
    public static SrpKeyPairs onDemand(SecureRandom random) {
        return new SrpKeyPairs(() -> random, null);
    }

    /**
     * Starts computing the first pair now, on a daemon thread (it never holds the process up).
     *
     * @param random asked for on that thread first: making a SecureRandom is cold work too
     */
    public static SrpKeyPairs firstInBackground(Supplier<SecureRandom> random) {
        FutureTask<SrpClient> first = new FutureTask<>(() -> SrpClient.start(random.get()));
        Thread thread = new Thread(first, "cogauth-srp-key");
        thread.setDaemon(true);
        thread.start();
        return new SrpKeyPairs(random, first);
    }

    /**
     * A key pair not handed out before: the one started in the background (waiting for it if need
     * be), else a new one. What the background computation threw is thrown here.
     */
    public synchronized SrpClient next() {
        if (ahead == null) {
            return SrpClient.start(random.get());
        }
        FutureTask<SrpClient> first = ahead;
        ahead = null;
        try {
            return first.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the SRP key pair", e);
        }
    }
}
