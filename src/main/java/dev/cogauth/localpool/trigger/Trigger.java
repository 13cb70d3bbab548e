package dev.cogauth.localpool.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Lambda trigger of the local pool (Define, Create or Verify Auth Challenge): takes the
 * event Cognito would send and returns the event with {@code response} filled in.
 */
public interface Trigger extends AutoCloseable {

    ObjectNode invoke(ObjectNode event) throws TriggerException;

    @Override
    default void close() {
    }
}
