package dev.cogauth.localpool;

import dev.cogauth.localpool.PoolClient.Reply;
import dev.cogauth.srp.SrpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Full custom-with-SRP sign-ins per second against the demo pool (built-in triggers), with p50
 * and p99 latency, at several numbers of concurrent clients. Clients run in this JVM and do
 * their own SRP, so they share the machine with the pool. Not a test; run it by hand:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.cogauth.localpool.LocalPoolBenchmark 10 1 8 32
 * </pre>
 *
 * Arguments: seconds per level (default 10), then the client counts (default 1 8 32).
 */
public final class LocalPoolBenchmark {

    private static final String CLIENT = DemoPool.CLIENT_ID;

    private LocalPoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] levels = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 8, 32};
        try (LocalPool.Running pool = new LocalPool(DemoPool.definition(), PoolLog.silent()).start(0)) {
            PoolClient client = new PoolClient(pool, Clock.systemUTC());
            run(client, 4, Math.max(1, seconds / 3)); // warm-up: JIT, connections
            System.out.printf("%-8s %12s %9s %9s%n", "clients", "sign-ins/s", "p50 ms", "p99 ms");
            for (int clients : levels) {
                long[] latencies = run(client, clients, seconds);
                Arrays.sort(latencies);
                System.out.printf("%-8d %12.1f %9.1f %9.1f%n", clients, latencies.length / (double) seconds,
                        percentile(latencies, 50), percentile(latencies, 99));
            }
        }
    }

    /** Every sign-in's latency in nanoseconds, from {@code clients} threads signing in for {@code seconds}. */
    private static long[] run(PoolClient client, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(threads.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        signIn(client);
                        latencies.add(System.nanoTime() - start);
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            threads.shutdownNow();
        }
    }

    private static void signIn(PoolClient client) {
        SrpClient srp = PoolClient.srp();
        Reply verifier = client.initiate(CLIENT, "CUSTOM_AUTH", Map.of("USERNAME", DemoPool.USERNAME,
                "SRP_A", srp.publicKeyHex(), "CHALLENGE_NAME", "SRP_A"));
        Reply question = client.respond(CLIENT, "PASSWORD_VERIFIER", verifier.session(),
                client.passwordClaim(srp, verifier, DemoPool.PASSWORD));
        Reply done = client.respond(CLIENT, "CUSTOM_CHALLENGE", question.session(),
                Map.of("USERNAME", DemoPool.USERNAME, "ANSWER", "42"));
        if (!done.signedIn()) {
            throw new IllegalStateException("sign-in failed: " + done.body());
        }
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
