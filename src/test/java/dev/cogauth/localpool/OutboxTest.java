package dev.cogauth.localpool;

import dev.cogauth.localpool.definition.PoolLimits;
import dev.cogauth.localpool.engine.Outbox;
import dev.cogauth.localpool.engine.PoolLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolClient.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox holds secrets (the codes): private to its owner, and only codes the pool really asked for. */
class OutboxTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryIsCreated0700AndEachMessage0600() throws IOException {
        Path outbox = dir.resolve("new/outbox");
        try (LocalPool.Running pool = LocalPool.builder().definition(DemoPool.definition()).log(PoolLog.silent())
                .clock(SettableClock.stopped()).outbox(Outbox.in(outbox)).build().start(0)) {
            new PoolClient(pool, SettableClock.stopped()).initiate(DemoPool.CLIENT_ID, "USER_AUTH",
                    Map.of("USERNAME", DemoPool.CODE_USERNAME, "PREFERRED_CHALLENGE", "EMAIL_OTP")).expectOk();
        }
        assertEquals("rwx------", mode(outbox));
        List<Path> messages = messages(outbox);
        assertEquals(1, messages.size(), messages::toString);
        assertEquals("rw-------", mode(messages.get(0)));
    }

    @Test
    void anExistingDirectoryOthersCanOpenIsRefused() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        IOException refused = assertThrows(IOException.class, () -> Outbox.in(open));
        assertTrue(refused.getMessage().contains("chmod 700"), refused.getMessage());
    }

    @Test
    void noCodeIsSentForASignInThePoolRefuses() throws IOException {
        Path outbox = dir.resolve("outbox");
        int capacity = 5;
        SettableClock clock = SettableClock.stopped();
        try (LocalPool.Running pool = LocalPool.builder().definition(DemoPool.definition()).log(PoolLog.silent())
                .clock(clock).limits(new PoolLimits(capacity, 4, 512, Duration.ofSeconds(10))).outbox(Outbox.in(outbox))
                .build().start(0)) {
            PoolClient client = new PoolClient(pool, clock);
            int refused = 0;
            for (int i = 0; i < 3 * capacity; i++) {
                Reply reply = client.initiate(DemoPool.CLIENT_ID, "USER_AUTH",
                        Map.of("USERNAME", DemoPool.CODE_USERNAME, "PREFERRED_CHALLENGE", "EMAIL_OTP"));
                if (reply.status() != 200) {
                    assertEquals("TooManyRequestsException", reply.errorType());
                    refused++;
                }
            }
            assertEquals(2 * capacity, refused);
        }
        assertEquals(capacity, messages(outbox).size(), "one message per Session the pool kept");
    }

    private static List<Path> messages(Path outbox) throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
