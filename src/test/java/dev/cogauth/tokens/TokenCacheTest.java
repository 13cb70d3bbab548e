package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cogauth.api.AwsCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCacheTest {
    private static final Instant EXP = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private final List<String> warnings = new ArrayList<>();

    private TokenCache cache() {
        return new TokenCache(temp.resolve("cogauth"), warnings::add);
    }

    private Path entryFile() {
        return temp.resolve("cogauth").resolve(TestTokens.KEY.fileName());
    }

    @Nested
    class An_entry_written_and_read_back {
        @Test
        void without_an_id_token_is_kept_as_it_was() {
            TokenEntry entry = TestTokens.entryWithoutIdToken(TestTokens.KEY, EXP);
            cache().store(entry);
            TokenEntry back = cache().read(TestTokens.KEY).orElseThrow();
            assertEquals(entry, back);
            assertNull(back.idToken());
            assertEquals(EXP, back.expiresAt(), "expiry comes from the access token's exp claim");
            assertTrue(warnings.isEmpty(), warnings.toString());
        }

        @Test
        void keeps_every_field() {
            TokenEntry entry = TestTokens.entry(TestTokens.KEY, EXP)
                    .withCredentials(new AwsCredentials("id-1", "AKIA1", "secret1", "session1", EXP), "us-east-1:pool")
                    .withDevice(new DeviceSecret("dk", "dgk", "dpw"));
            cache().store(entry);
            TokenEntry back = cache().read(TestTokens.KEY).orElseThrow();
            assertEquals(entry, back);
            assertEquals(EXP, back.expiresAt(), "expiry comes from the tokens' exp claims");
            assertEquals(Optional.of(TestTokens.KEY), cache().current(), "storing makes it the most recent sign-in");
            assertTrue(warnings.isEmpty(), warnings.toString());
        }

        @Test
        void is_absent_for_another_user() {
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            CacheKey bob = new CacheKey("us-east-1", "us-east-1_AbCdEf123", "client1", "bob");
            assertEquals(Optional.empty(), cache().read(bob));
            assertFalse(bob.fileName().equals(TestTokens.KEY.fileName()));
        }

        @Test
        void is_gone_after_delete_and_so_is_the_pointer_to_it() {
            TokenCache cache = cache();
            cache.store(TestTokens.entry(TestTokens.KEY, EXP));
            cache.delete(TestTokens.KEY);
            cache.clearCurrent(TestTokens.KEY);
            assertEquals(Optional.empty(), cache.read(TestTokens.KEY));
            assertEquals(Optional.empty(), cache.current());
            assertFalse(Files.exists(entryFile()));
        }

        @Test
        void never_shows_token_text_in_toString() {
            TokenEntry entry = TestTokens.entry(TestTokens.KEY, EXP);
            String text = entry.toString();
            assertFalse(text.contains(entry.idToken()) || text.contains(entry.accessToken())
                    || text.contains(entry.refreshToken()), text);
        }
    }

    @Nested
    class Files_are_private {
        @Test
        void directory_0700_and_file_0600() throws IOException {
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            assertEquals("rwx------", mode(temp.resolve("cogauth")));
            assertEquals("rw-------", mode(entryFile()));
            assertEquals("rw-------", mode(temp.resolve("cogauth").resolve(TokenCache.CURRENT)));
        }

        /** umask is per process, so each case runs a JVM under a shell that set it. */
        @ParameterizedTest(name = "umask {0}")
        @ValueSource(strings = {"000", "077", "022"})
        void whatever_the_umask(String umask) throws Exception {
            Path missingParent = temp.resolve("umask-" + umask);
            Path dir = missingParent.resolve("cache").resolve("cogauth");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder("sh", "-c", "umask " + umask + " && exec \"$0\" -cp \"$1\" "
                    + CacheWriterMain.class.getName() + " \"$2\"", java, System.getProperty("java.class.path"),
                    dir.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertEquals("rwx------", mode(dir));
            assertEquals("rwx------", mode(dir.getParent()), "a missing parent is made private too");
            assertEquals("rwx------", mode(missingParent));
            assertEquals("rw-------", mode(dir.resolve(TestTokens.KEY.fileName())));
            assertEquals("rw-------", mode(dir.resolve(TestTokens.KEY.fileName() + ".lock")));
        }

        @ParameterizedTest(name = "mode {0}")
        @ValueSource(strings = {"rwxrwxrwx", "rwxrwx---", "rwx----wx"})
        void a_directory_others_can_write_to_is_refused_in_one_line(String mode) throws IOException {
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            Path dir = temp.resolve("cogauth");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
            for (Executable use : List.<Executable>of(() -> cache().read(TestTokens.KEY), () -> cache().current(),
                    () -> cache().store(TestTokens.entry(TestTokens.KEY, EXP)))) {
                CacheException e = assertThrows(CacheException.class, use);
                assertTrue(e.getMessage().contains("refusing the token cache directory " + dir
                        + ": other users can write to it (mode " + mode + "); run chmod 700 " + dir), e.getMessage());
                assertFalse(e.getMessage().contains("\n"));
            }
            assertEquals(mode, mode(dir), "left as it is: cogauth cannot know who widened it");
        }

        @Test
        void a_directory_only_others_can_read_is_used() throws IOException {
            Files.createDirectories(temp.resolve("cogauth"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            assertTrue(cache().read(TestTokens.KEY).isPresent());
        }

        private String mode(Path path) throws IOException {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        }
    }

    @Nested
    class A_suspicious_file_is_refused_with_a_warning {
        @ParameterizedTest(name = "mode {0}")
        @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-"})
        void when_others_can_read_or_write_it(String mode) throws IOException {
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            Files.setPosixFilePermissions(entryFile(), PosixFilePermissions.fromString(mode));
            assertEquals(Optional.empty(), cache().read(TestTokens.KEY));
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).contains("other users can read or write it"), warnings.get(0));
        }

        @Test
        void when_it_is_a_symlink() throws IOException {
            Path elsewhere = temp.resolve("planted.json");
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            Files.move(entryFile(), elsewhere);
            Files.createSymbolicLink(entryFile(), elsewhere);
            assertEquals(Optional.empty(), cache().read(TestTokens.KEY));
            assertTrue(warnings.get(0).contains("symbolic link"), warnings.toString());
        }

        @Test
        void when_someone_else_owns_it() throws Exception {
            assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            Process chown = new ProcessBuilder("chown", "12345:12345", entryFile().toString()).start();
            assertEquals(0, chown.waitFor());
            assertEquals(Optional.empty(), cache().read(TestTokens.KEY));
            assertTrue(warnings.get(0).contains("owned by another user"), warnings.toString());
        }

        @Test
        void and_never_quotes_its_content() throws IOException {
            TokenEntry entry = TestTokens.entry(TestTokens.KEY, EXP);
            cache().store(entry);
            Files.setPosixFilePermissions(entryFile(), PosixFilePermissions.fromString("rw-r--r--"));
            cache().read(TestTokens.KEY);
            assertFalse(String.join("\n", warnings).contains(entry.refreshToken()));
        }
    }

    @Nested
    class A_damaged_file_counts_as_absent {
        @ParameterizedTest(name = "keeping {0} bytes")
        @ValueSource(ints = {0, 1, 40, 200})
        void when_truncated(int keep) throws IOException {
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            byte[] whole = Files.readAllBytes(entryFile());
            Files.write(entryFile(), java.util.Arrays.copyOf(whole, keep));
            assertEquals(Optional.empty(), cache().read(TestTokens.KEY));
            assertEquals(1, warnings.size(), warnings.toString());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            // a newer format this version cannot know
            "'\"version\" : 1,'        | '\"version\" : 2,'",
            "'\"version\" : 1,'        | ''",
            // another user's entry planted under this user's name
            "'\"username\" : \"alice\"' | '\"username\" : \"mallory\"'",
            "'\"idToken\" : '          | '\"idToken\" : 7, \"x\" : '",
            "'\"expiresAt\" : '        | '\"expiresAt\" : \"soon\", \"x\" : '",
            "'{'                       | '['",
        })
        void when_tampered_with(String from, String to) throws IOException {
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            String text = Files.readString(entryFile());
            String tampered = text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to));
            assertFalse(tampered.equals(text), "the edit must change the file: " + from);
            Files.writeString(entryFile(), tampered);
            assertEquals(Optional.empty(), cache().read(TestTokens.KEY));
            assertEquals(1, warnings.size(), warnings.toString());
        }
    }

    @Nested
    class A_damaged_pointer_to_the_most_recent_sign_in_counts_as_absent {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "'\"version\" : 1'       | '\"version\" : 2'",
            "'\"version\" : 1,'      | ''",
            "'\"username\" : '       | '\"username\" : 7, \"x\" : '",
            "'\"region\" : '         | '\"region\" : \"\", \"x\" : '",
            "'{'                    | '['",
            "'}'                    | ''",
        })
        void when_tampered_with(String from, String to) throws IOException {
            cache().store(TestTokens.entry(TestTokens.KEY, EXP));
            Path pointer = temp.resolve("cogauth").resolve(TokenCache.CURRENT);
            String text = Files.readString(pointer);
            String tampered = text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to));
            assertFalse(tampered.equals(text), "the edit must change the file: " + from);
            Files.writeString(pointer, tampered);
            assertEquals(Optional.empty(), cache().current());
        }
    }

    @Nested
    class Replacing_an_entry {
        @Test
        void is_atomic_for_a_reader_that_takes_no_lock() throws Exception {
            TokenCache writer = cache();
            writer.store(TestTokens.entry(TestTokens.KEY, EXP));
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                TokenCache readerCache = new TokenCache(temp.resolve("cogauth"), failures::add);
                while (!done.get()) {
                    if (readerCache.read(TestTokens.KEY).isEmpty()) {
                        failures.add("read nothing");
                    }
                    reads.incrementAndGet();
                }
            });
            reader.start();
            for (int i = 0; i < 300; i++) {
                // Entries of different sizes, so a torn read could not parse by luck.
                TokenEntry plain = TestTokens.entry(TestTokens.KEY, EXP.plusSeconds(i));
                TokenEntry entry = i % 2 == 0 ? plain : plain.withDevice(new DeviceSecret("k".repeat(i), "g", "p"));
                writer.update(TestTokens.KEY, old -> entry);
            }
            done.set(true);
            reader.join();
            assertTrue(reads.get() > 0);
            assertEquals(List.of(), failures);
            try (var leftovers = Files.list(temp.resolve("cogauth"))) {
                assertEquals(0, leftovers.filter(p -> p.toString().endsWith(".tmp")).count(), "no temp files left");
            }
        }

        @Test
        void clears_the_temp_files_a_killed_writer_left_and_so_does_deleting() throws IOException {
            TokenCache cache = cache();
            cache.store(TestTokens.entry(TestTokens.KEY, EXP));
            Path dir = temp.resolve("cogauth");
            Path leftover = Files.writeString(dir.resolve("." + TestTokens.KEY.fileName() + ".8123456789.tmp"), "tokens");
            CacheKey other = new CacheKey("us-east-1", "us-east-1_AbCdEf123", "client1", "bob");
            Path othersLeftover = Files.writeString(dir.resolve("." + other.fileName() + ".99.tmp"), "tokens");
            Path notOurs = Files.writeString(dir.resolve(TestTokens.KEY.fileName() + ".backup.tmp"), "x");

            cache.update(TestTokens.KEY, old -> old.withCredentials(null, "us-east-1:pool"));
            assertFalse(Files.exists(leftover), "cleared under the entry's lock");
            assertTrue(Files.exists(othersLeftover), "another entry's temp files are for its own lock holder");
            assertTrue(Files.exists(notOurs), "only names of our own making");

            Files.writeString(leftover, "tokens");
            cache.delete(TestTokens.KEY);
            assertFalse(Files.exists(leftover), "signout deletes the entry, and its leftovers with it");
        }

        @Test
        void leaves_the_file_alone_when_the_change_returns_the_same_entry() throws IOException {
            TokenCache cache = cache();
            cache.store(TestTokens.entry(TestTokens.KEY, EXP));
            var before = Files.getLastModifiedTime(entryFile());
            Object inode = Files.getAttribute(entryFile(), "unix:ino");
            cache.update(TestTokens.KEY, old -> old);
            assertEquals(inode, Files.getAttribute(entryFile(), "unix:ino"));
            assertEquals(before, Files.getLastModifiedTime(entryFile()));
        }
    }
}
