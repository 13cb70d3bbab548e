package dev.cogauth.cli;

import dev.cogauth.flow.FirstFactors;
import java.util.Iterator;

/** The values {@code --preferred-challenge} completes to: every first factor cogauth knows. */
final class FirstFactorNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return FirstFactors.KNOWN.iterator();
    }
}
