package dev.cogauth.it;

import dev.cogauth.localpool.LocalPool;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * A local pool served from the test JVM, its log (steps included) kept in {@link #log()} so
 * tests read the codes it "sends" and what its triggers decided. The cogauth under test still
 * runs as a process and reaches it over loopback.
 */
final class InProcessPool implements AutoCloseable {
    private final LocalPool.Running running;
    private final Lines log;

    private InProcessPool(LocalPool.Running running, Lines log) {
        this.running = running;
        this.log = log;
    }

    static InProcessPool start(PoolDefinition definition, Clock clock) throws IOException {
        Lines log = new Lines();
        LocalPool.Running running = LocalPool.builder().definition(definition)
                .log(PoolLog.to(log::add, true)).clock(clock).build().start(0);
        return new InProcessPool(running, log);
    }

    URI endpoint() {
        return running.endpoint();
    }

    PoolDefinition definition() {
        return running.definition();
    }

    Lines log() {
        return log;
    }

    /** The messages the pool "sent", in this JVM's memory. */
    Outbox outbox() {
        return running.outbox();
    }

    @Override
    public void close() {
        running.close();
    }
}
