package dev.cogauth.cli;

import dev.cogauth.protocol.AuthFlow;
import java.util.Arrays;
import java.util.Iterator;

/** The values {@code --auth-flow} completes to: every flow cogauth knows, so a new one completes too. */
final class AuthFlowNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(AuthFlow.values()).map(Enum::name).iterator();
    }
}
