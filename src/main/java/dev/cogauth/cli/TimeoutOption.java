package dev.cogauth.cli;

import dev.cogauth.api.CallTimeouts;
import dev.cogauth.tokens.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout}: the longest one call to the pool may take, retries included, for the commands that call it. */
final class TimeoutOption {
    static final String DEFAULT = "30s";

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converter.class, defaultValue = DEFAULT,
            description = "Longest wait for one call to the pool, retries included (default: ${DEFAULT-VALUE}); "
                    + "each try waits at most 10s and a connection 5s. Exit code 6 when it passes.")
    CallTimeouts timeouts;

    /**
     * A duration as {@code --min-ttl} takes it, longer than zero.
     *
     * @throws IllegalArgumentException for anything else, saying why
     */
    static CallTimeouts parse(String value) {
        return CallTimeouts.of(Durations.parse(value));
    }

    /** {@link #parse} for picocli. */
    static final class Converter implements ITypeConverter<CallTimeouts> {
        @Override
        public CallTimeouts convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
