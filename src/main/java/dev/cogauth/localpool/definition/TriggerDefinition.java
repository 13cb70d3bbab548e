package dev.cogauth.localpool.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** Where one trigger's code lives: a built-in of cogauth, a Node.js handler file, a Lambda Invoke endpoint, or a Java object. */
public sealed interface TriggerDefinition {

    /** A built-in trigger by name, with its options (the other fields of its pool-file object). */
    record Builtin(String name, ObjectNode options) implements TriggerDefinition {
        public Builtin {
            Objects.requireNonNull(name, "name");
            options = options.deepCopy();
        }
    }

    /** A Node.js Lambda handler: {@code exportName} of the module {@code file}. */
    record Node(Path file, String exportName) implements TriggerDefinition {
        public Node {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(exportName, "exportName");
        }
    }

    /** A trigger object in this JVM: for tests, and for embedding the pool in other Java code. */
    record InProcess(dev.cogauth.localpool.trigger.Trigger trigger) implements TriggerDefinition {
        public InProcess {
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    /** A function behind the Lambda Invoke API, as {@code sam local start-lambda} serves it. */
    record Lambda(URI endpoint, String functionName) implements TriggerDefinition {
        public Lambda {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(functionName, "functionName");
        }
    }
}
