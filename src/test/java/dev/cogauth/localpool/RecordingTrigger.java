package dev.cogauth.localpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.localpool.trigger.TriggerException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A trigger that records each event it gets (a copy, as sent), then lets {@code answer} answer it. */
record RecordingTrigger(List<ObjectNode> events, Trigger answer) implements Trigger {

    RecordingTrigger(Trigger answer) {
        this(new CopyOnWriteArrayList<>(), answer);
    }

    @Override
    public ObjectNode invoke(ObjectNode event) throws TriggerException {
        events.add(event.deepCopy());
        return answer.invoke(event);
    }
}
