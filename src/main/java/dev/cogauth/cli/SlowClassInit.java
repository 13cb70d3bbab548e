package dev.cogauth.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises, on a daemon thread while the main thread builds the picocli model, a JDK class whose static
 * initialiser is slow and which every command that reads JSON needs: {@code java.math.BigDecimal}, touched by
 * the static fields of jackson-core's parser base class (cogauth's and the AWS SDK's copy). On JDK 25 its
 * initialiser computes the powers 5^(2^i) up to 5^65536, about 20–25 ms of CPU in a cold C1-only JVM (under
 * 1 ms on JDK 17). The main thread then finds it initialised, or waits on the class's lock for the rest.
 * Not for {@code token}'s fast path: with no model to build there is nothing to overlap (measured: no gain).
 */
final class SlowClassInit {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private SlowClassInit() {
    }

    /** Once per process; later calls do nothing. */
    static void startInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(SlowClassInit::initialise, "cogauth-class-init");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initialise() {
        try {
            Class.forName("java.math.BigDecimal", true, null);
        } catch (ClassNotFoundException | LinkageError ignored) {
            // only a head start: whoever needs the class loads it, and meets any error, on its own thread
        }
    }
}
