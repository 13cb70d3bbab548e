package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.PoolLimits;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pool under load keeps within its limits: bursts of sign-ins never grow the Session store
 * past its capacity (the rest get Cognito's throttling answer) and it empties as Sessions
 * expire; clients that stall mid-request never hold more threads than the pool has.
 */
class LocalPoolLimitsTest {

    private static final int SESSIONS = 25;
    private static final int THREADS = 4;
    private static final PoolLimits LIMITS = new PoolLimits(SESSIONS, THREADS, 512, Duration.ofSeconds(10));

    private final SettableClock clock = SettableClock.stopped();
    private LocalPool.Running pool;
    private PoolClient client;

    private void serve() throws IOException {
        pool = LocalPool.builder().definition(TestPools.standard())
                .log(PoolLog.silent()).clock(clock).limits(LIMITS).build().start(0);
        client = new PoolClient(pool, clock);
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    /** CUSTOM_AUTH without SRP: the demo question, one Session, cheap for the pool. */
    private Reply startSignIn() {
        return client.initiate(TestPools.PUBLIC, "CUSTOM_AUTH", Map.of("USERNAME", DemoPool.USERNAME));
    }

    @Test
    void refreshGrantsAreBoundedAndFreedAsTheyExpire() throws Exception {
        pool = LocalPool.builder().definition(TestPools.standard()).log(PoolLog.silent()).clock(clock)
                .limits(new PoolLimits(SESSIONS, THREADS, 512, Duration.ofSeconds(10), 5)).build().start(0);
        client = new PoolClient(pool, clock);
        Map<String, String> alice = Map.of("USERNAME", TestPools.ALICE, "PASSWORD", TestPools.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertTrue(client.initiate(TestPools.PASSWORD_ONLY, "USER_PASSWORD_AUTH", alice).signedIn());
        }
        client.initiate(TestPools.PASSWORD_ONLY, "USER_PASSWORD_AUTH", alice).expectError("TooManyRequestsException");
        clock.advance(Duration.ofDays(30)); // the default refresh token validity
        assertTrue(client.initiate(TestPools.PASSWORD_ONLY, "USER_PASSWORD_AUTH", alice).signedIn(),
                "expired refresh grants made room");
    }

    @Test
    void burstsOfSignInsNeverHoldMoreSessionsThanTheCapacity() throws Exception {
        serve();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 4; round++) {
                List<Future<Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    replies.add(callers.submit(this::startSignIn));
                }
                int opened = 0;
                for (Future<Reply> reply : replies) {
                    Reply answer = reply.get();
                    if (answer.status() == 200) {
                        opened++;
                    } else {
                        answer.expectError("TooManyRequestsException");
                        assertEquals("Rate exceeded", answer.message());
                    }
                }
                // The store started empty (the last round's Sessions expired) and holds at most its capacity.
                assertEquals(SESSIONS, opened, "round " + round);
                clock.advance(ClientDefinition.DEFAULT_SESSION_VALIDITY);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void whileFullEvenTheNextChallengeIsThrottled() throws IOException {
        serve();
        Reply first = startSignIn().expectOk();
        for (int i = 1; i < SESSIONS; i++) {
            startSignIn().expectOk();
        }
        startSignIn().expectError("TooManyRequestsException");
        // Answering frees nothing (a used Session is kept to refuse its reuse) but needs no new room either...
        Reply wrong = client.respond(TestPools.PUBLIC, "CUSTOM_CHALLENGE", first.session(),
                Map.of("USERNAME", DemoPool.USERNAME, "ANSWER", "41"));
        // ...except for the next challenge's Session, which is refused while the store is full.
        wrong.expectError("TooManyRequestsException");
    }

    @Test
    void clientsStalledMidBodyHoldNoMoreThreadsThanThePoolHas() throws Exception {
        serve();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 10 * THREADS; i++) {
                stalled.add(stalledRequest());
            }
            // Wait until the pool has taken up as many as it can; without a bound it takes up all of them.
            String prefix = LocalPool.threadPrefix(pool.endpoint().getPort());
            for (int i = 0; i < 100 && handlerThreads(prefix) < THREADS; i++) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            assertTrue(handlerThreads(prefix) <= THREADS, () -> handlerThreads(prefix) + " threads for stalled clients");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        // Once they hang up, their threads serve the others again.
        startSignIn().expectOk();
    }

    private static long handlerThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    /** A connection that announces a body and sends only its start. */
    private Socket stalledRequest() throws IOException {
        Socket socket = new Socket(pool.endpoint().getHost(), pool.endpoint().getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 1000\r\n\r\n{\"Auth")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
