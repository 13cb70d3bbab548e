package dev.cogauth.tokens;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations options take: {@code 90s}, {@code 5m}, {@code 1h}, {@code 1h30m}, {@code 300}. */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+[hms])+|\\d+");
    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");
    /** Longer than any token lives; stops overflow from a pasted number. */
    private static final Duration MAX = Duration.ofDays(366);

    private Durations() {
    }

    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 90s, 5m, 1h or 1h30m");
        }
        Duration total = Duration.ZERO;
        try {
            if (Character.isDigit(trimmed.charAt(trimmed.length() - 1))) {
                total = Duration.ofSeconds(Long.parseLong(trimmed));
            } else {
                Matcher part = PART.matcher(trimmed);
                while (part.find()) {
                    long amount = Long.parseLong(part.group(1));
                    total = total.plus(switch (part.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
                }
            }
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            total = MAX.plusSeconds(1);
        }
        if (total.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than a year");
        }
        return total;
    }
}
