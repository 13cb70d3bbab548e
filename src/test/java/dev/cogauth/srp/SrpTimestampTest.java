package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SrpTimestampTest {

    private static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    @Nested
    class FormattingAnInstant {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({
                "2022-01-01T00:00:00, Sat Jan 1 00:00:00 UTC 2022",    // PROTOCOL.md vector 4
                "2022-01-03T09:00:00, Mon Jan 3 09:00:00 UTC 2022",    // PROTOCOL.md vector 4
                "2022-12-31T23:59:59, Sat Dec 31 23:59:59 UTC 2022",   // PROTOCOL.md vector 4
                "2018-07-10T11:01:00, Tue Jul 10 11:01:00 UTC 2018",   // PROTOCOL.md vector 1 TIMESTAMP
                "2025-02-10T18:30:12, Mon Feb 10 18:30:12 UTC 2025",   // PROTOCOL.md vector 2 TIMESTAMP
        })
        void writesCognitosFormat(String utcDateTime, String expected) {
            assertEquals(expected, SrpTimestamp.format(utc(utcDateTime)));
        }

        @Test
        void nowReadsTheClockInUtcWhateverItsZone() {
            Clock tokyo = Clock.fixed(utc("2022-01-03T09:00:00"), ZoneId.of("Asia/Tokyo"));
            assertEquals("Mon Jan 3 09:00:00 UTC 2022", SrpTimestamp.now(tokyo));
        }
    }

    @Nested
    class UnderANonEnglishDefaultLocale {

        private Locale saved;

        @BeforeEach
        void switchLocale() {
            saved = Locale.getDefault();
            Locale.setDefault(Locale.GERMANY);
        }

        @AfterEach
        void restoreLocale() {
            Locale.setDefault(saved);
        }

        @Test
        void stillWritesEnglishNames() {
            // German would be "Mo. Jan. 3"; Cognito rejects that
            assertEquals("Mon Jan 3 09:00:00 UTC 2022", SrpTimestamp.format(utc("2022-01-03T09:00:00")));
        }

        @Test
        void stillWritesEnglishNamesWhenFirstLoadedUnderIt() throws Exception {
            // a fresh class loader runs SrpTimestamp's static initialisation now, under German
            URL classes = SrpTimestamp.class.getProtectionDomain().getCodeSource().getLocation();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) {
                Class<?> fresh = Class.forName(SrpTimestamp.class.getName(), true, loader);
                Object text = fresh.getMethod("format", Instant.class).invoke(null, utc("2022-01-03T09:00:00"));
                assertEquals("Mon Jan 3 09:00:00 UTC 2022", text);
            }
        }

        @Test
        void stillReadsEnglishNames() {
            assertEquals(utc("2022-12-31T23:59:59"), SrpTimestamp.parse("Sat Dec 31 23:59:59 UTC 2022"));
        }
    }

    @Nested
    class ParsingAClientTimestamp {

        @Test
        void readsWhatFormatWrites() {
            Instant instant = utc("2018-07-10T11:01:00");
            assertEquals(instant, SrpTimestamp.parse(SrpTimestamp.format(instant)));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" is rejected")
        @ValueSource(strings = {
                "Sat Jan 01 00:00:00 UTC 2022",   // padded day
                "Sun Jan 1 00:00:00 UTC 2022",    // weekday does not match the date
                "Sa. Jan. 1 00:00:00 UTC 2022",   // German names
                "Sat Jan 1 00:00:00 GMT 2022",    // not UTC
                "2022-01-01T00:00:00Z",           // ISO
                "",
        })
        void rejectsAnythingElse(String timestamp) {
            SrpException e = assertThrows(SrpException.class, () -> SrpTimestamp.parse(timestamp));
            assertEquals("TIMESTAMP is not of the form 'Sat Jan 1 00:00:00 UTC 2022'", e.getMessage());
        }

        @Test
        void rejectsAMissingOne() {
            SrpException e = assertThrows(SrpException.class, () -> SrpTimestamp.parse(null));
            assertEquals("TIMESTAMP is missing", e.getMessage());
        }
    }
}
