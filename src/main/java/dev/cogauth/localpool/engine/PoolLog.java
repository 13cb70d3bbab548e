package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.PrintableText;
import java.util.function.Consumer;

/**
 * Where the pool writes. {@link #notice} is always shown (codes "sent" by email or SMS, trigger
 * failures); {@link #step} only with {@code --log}. Callers never pass secrets to either,
 * except a notice delivering a one-time code, which is the point of that notice. Lines carry what clients sent
 * (a requested client id, a username): each is written with its control characters shown as escapes.
 */
public interface PoolLog {

    void notice(String line);

    void step(String line);

    /** Notices to {@code sink}; steps too when {@code steps} is true, each one printable line. Thread-safe if the sink is. */
    static PoolLog to(Consumer<String> sink, boolean steps) {
        return new PoolLog() {
            @Override
            public void notice(String line) {
                sink.accept(PrintableText.line(line));
            }

            @Override
            public void step(String line) {
                if (steps) {
                    sink.accept(PrintableText.line(line));
                }
            }
        };
    }

    static PoolLog silent() {
        return to(line -> { }, false);
    }
}
