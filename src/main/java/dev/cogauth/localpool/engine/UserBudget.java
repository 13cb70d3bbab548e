package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.ErrorType;
import java.util.concurrent.atomic.AtomicInteger;

/** How many users created at run time every pool of the process may hold together, so that many pools cannot multiply the per-pool cap. */
final class UserBudget {

    private final int max;
    private final AtomicInteger used = new AtomicInteger();

    UserBudget(int max) {
        this.max = max;
    }

    /** Takes one place; LimitExceededException when none is left. */
    void take() {
        if (used.incrementAndGet() > max) {
            used.decrementAndGet();
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "The local pool holds at most " + max
                    + " users created at run time, all pools together.");
        }
    }

    void release(int count) {
        used.addAndGet(-count);
    }
}
