package dev.cogauth.srp;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER response, e.g. {@code Sat Jan 1 00:00:00 UTC 2022}.
 * Cognito rejects any other locale, so the format never follows the default locale.
 */
public final class SrpTimestamp {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private SrpTimestamp() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /**
     * Reads a timestamp the way Cognito accepts it: exactly what {@link #format} would write,
     * with a weekday that matches the date.
     */
    public static Instant parse(String timestamp) {
        if (timestamp == null) {
            throw new SrpException("TIMESTAMP is missing");
        }
        Instant instant;
        try {
            instant = ZonedDateTime.parse(timestamp, FORMAT).toInstant();
        } catch (DateTimeException e) {
            throw malformed();
        }
        // the parser also takes e.g. a zero-padded day; only the canonical text is valid
        if (!format(instant).equals(timestamp)) {
            throw malformed();
        }
        return instant;
    }

    private static SrpException malformed() {
        return new SrpException("TIMESTAMP is not of the form 'Sat Jan 1 00:00:00 UTC 2022'");
    }
}
