package dev.cogauth.cli;

import dev.cogauth.api.CallTimeouts;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout}: the longest one call to the pool may take, retries included, for the commands that call it. */
final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converter.class, defaultValue = "30s",
            description = "Longest wait for one call to the pool, retries included (default: ${DEFAULT-VALUE}); "
                    + "each try waits at most 10s and a connection 5s. Exit code 6 when it passes.")
    CallTimeouts timeouts;

    /** A duration as {@code --min-ttl} takes it, longer than zero. */
    static final class Converter implements ITypeConverter<CallTimeouts> {
        @Override
        public CallTimeouts convert(String value) {
            Duration overall = new DurationConverter().convert(value);
            try {
                return CallTimeouts.of(overall);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
