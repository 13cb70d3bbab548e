package dev.cogauth.localpool;

import dev.cogauth.localpool.builtin.BuiltinTriggers;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.trigger.LambdaInvokeTrigger;
import dev.cogauth.localpool.trigger.NodeTriggerHost;
import dev.cogauth.localpool.trigger.Trigger;
import java.time.Duration;

/**
 * Turns one running pool's trigger definitions into callable triggers. Node.js handlers share
 * one long-lived worker, started with the first of them and stopped by {@link #close}.
 */
final class TriggerFactory implements AutoCloseable {

    private final PoolLog log;
    private final Duration timeout;
    private NodeTriggerHost nodeHost;

    TriggerFactory(PoolLog log, Duration timeout) {
        this.log = log;
        this.timeout = timeout;
    }

    Trigger open(TriggerDefinition definition) {
        if (definition instanceof TriggerDefinition.Builtin builtin) {
            return BuiltinTriggers.create(builtin.name(), builtin.options(), log::notice);
        }
        if (definition instanceof TriggerDefinition.Node node) {
            if (nodeHost == null) {
                nodeHost = NodeTriggerHost.start(timeout, line -> log.notice("[node] " + line));
            }
            return nodeHost.handler(node.file(), node.exportName());
        }
        if (definition instanceof TriggerDefinition.Lambda lambda) {
            return new LambdaInvokeTrigger(lambda.endpoint(), lambda.functionName(), timeout);
        }
        TriggerDefinition.InProcess inProcess = (TriggerDefinition.InProcess) definition;
        // Not ours to close: the caller made it.
        return inProcess.trigger()::invoke;
    }

    @Override
    public void close() {
        if (nodeHost != null) {
            nodeHost.close();
        }
    }
}
