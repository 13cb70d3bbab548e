package dev.cogauth.localpool.engine;

import java.util.function.Consumer;

/**
 * Where the pool writes. {@link #notice} is always shown (codes "sent" by email or SMS, trigger
 * failures); {@link #step} only with {@code --log}. Callers never pass secrets to either,
 * except a notice delivering a one-time code, which is the point of that notice.
 */
public interface PoolLog {

    void notice(String line);

    void step(String line);

    /** Notices to {@code sink}; steps too when {@code steps} is true. Thread-safe if the sink is. */
    static PoolLog to(Consumer<String> sink, boolean steps) {
        return new PoolLog() {
            @Override
            public void notice(String line) {
                sink.accept(line);
            }

            @Override
            public void step(String line) {
                if (steps) {
                    sink.accept(line);
                }
            }
        };
    }

    static PoolLog silent() {
        return to(line -> { }, false);
    }
}
