package dev.cogauth.localpool;

import dev.cogauth.localpool.builtin.BuiltinTriggers;
import dev.cogauth.localpool.trigger.Trigger;
import java.time.Duration;

/** Turns a pool file's trigger definition into a callable trigger. */
final class TriggerFactory {

    private final PoolLog log;

    TriggerFactory(PoolLog log) {
        this.log = log;
    }

    Trigger open(TriggerDefinition definition, Duration timeout) {
        if (definition instanceof TriggerDefinition.Builtin builtin) {
            return BuiltinTriggers.create(builtin.name(), builtin.options(), log::notice);
        }
        if (definition instanceof TriggerDefinition.InProcess inProcess) {
            // Not ours to close: the caller made it.
            return inProcess.trigger()::invoke;
        }
        throw new IllegalArgumentException("trigger form not supported in this build: " + definition);
    }
}
