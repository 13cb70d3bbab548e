package dev.cogauth.localpool.trigger;

import static dev.cogauth.localpool.trigger.TriggerEvents.testHandler;
import static dev.cogauth.localpool.trigger.TriggerEvents.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cogauth.localpool.trigger.TriggerException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs everywhere: it needs no {@code node}, only a program name that is surely not on PATH. */
class NodeTriggerHostWithoutNodeTest {

    @Test
    void everyCallIsUnavailableWithAClearMessage() {
        try (NodeTriggerHost noNode = NodeTriggerHost.start("cogauth-no-such-node", Duration.ofSeconds(1), line -> { })) {
            Trigger trigger = noNode.handler(testHandler("styles.js"), "asyncReturn");

            TriggerException first = assertThrows(TriggerException.class, () -> trigger.invoke(verify("a", "b")));
            TriggerException second = assertThrows(TriggerException.class, () -> trigger.invoke(verify("a", "b")));

            assertEquals(Kind.UNAVAILABLE, first.kind());
            assertEquals("Cannot run Node.js triggers: 'cogauth-no-such-node' was not found on PATH;"
                    + " install Node.js 18 or newer", first.getMessage());
            assertEquals(first.getMessage(), second.getMessage(), "it tries again on the next call");
        }
    }
}
