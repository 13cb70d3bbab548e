package dev.cogauth.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.cogauth.api.AuthenticationResult;
import dev.cogauth.api.CallTimeouts;
import dev.cogauth.api.SdkCognitoApi;
import dev.cogauth.flow.InputUnavailableException;
import dev.cogauth.flow.Prompt;
import dev.cogauth.flow.PromptKind;
import dev.cogauth.flow.Prompter;
import dev.cogauth.flow.SignInFlow;
import dev.cogauth.flow.SignInSettings;
import dev.cogauth.flow.Trace;
import dev.cogauth.localpool.DemoPool;
import dev.cogauth.localpool.LocalPool;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.protocol.AuthFlow;
import dev.cogauth.srp.SrpClient;
import dev.cogauth.srp.SrpServer;
import dev.cogauth.srp.SrpTimestamp;
import dev.cogauth.srp.SrpVerifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the local pool (a benchmark, not a test): full custom-with-SRP sign-ins
 * (InitiateAuth with SRP_A → PASSWORD_VERIFIER → CUSTOM_CHALLENGE → tokens) through cogauth's own
 * {@link SignInFlow} over the AWS SDK adapter cogauth uses ({@link SdkCognitoApi}), against the
 * demo pool with its built-in triggers served in this JVM on loopback. Each level of concurrency
 * runs for a bounded time and count; a baseline measured in the same run (the SRP math of one
 * sign-in alone, client and server) turns the figures into ratios that travel between machines.
 * "Pool CPU" is the process's CPU minus the client threads' (so it includes GC and JIT): an
 * estimate of what the pool alone would need if the clients ran elsewhere.
 * <pre>java -cp target/test-classes:target/classes:target/lib/* dev.cogauth.bench.LocalPoolBenchmark [seconds] [levels]</pre>
 */
public final class LocalPoolBenchmark {
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    /** At most this many measured sign-ins per level, however fast the machine. */
    private static final int MAX_SIGN_INS = 20_000;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        int[] levels = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 8, 32};
        new LocalPoolBenchmark().run(measure, levels);
    }

    private void run(Duration measure, int[] levels) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), %s %s, Java %s (%s); load average at start %s%n", cores,
                cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), loadAverage());

        Duration part = measure.dividedBy(3);
        SrpParts srp = new SrpParts();
        Baseline both = rate(1, part, srp::clientAndServer);
        Baseline clientHalf = rate(1, part, srp::clientOnly);
        Baseline rsa = rate(1, part, srp::twoRsaSignatures);
        Baseline bothAllCores = rate(cores, part, srp::clientAndServer);
        double srpMs = 1000.0 / both.perSecond();
        double clientMs = 1000.0 / clientHalf.perSecond();
        System.out.printf(Locale.ROOT, "baseline, 1 thread: the SRP math of one sign-in %.2f ms (client half %.2f ms, server half %.2f ms);"
                + " two RSA-2048 signatures (the ID and access tokens) %.2f ms%n", srpMs, clientMs, srpMs - clientMs,
                1000.0 / rsa.perSecond());
        System.out.printf(Locale.ROOT, "baseline, %d threads: %.1f SRP sign-in proofs/s (the ceiling for full sign-ins when client"
                + " and pool share this machine)%n", cores, bothAllCores.perSecond());
        try (LocalPool.Running pool = LocalPool.builder().definition(DemoPool.definition())
                .log(PoolLog.silent()).clock(Clock.systemUTC()).build().start(0)) {
            System.out.println("pool: demo pool (built-in demo-question triggers) in this JVM at " + pool.endpoint());
            System.out.println();
            System.out.println("| clients | sign-ins | errors | sign-ins/s | p50 ms | p99 ms | max ms | CPU ms/sign-in | client CPU share "
                    + "| CPU busy | sign-ins/s ÷ SRP proofs/s | pool CPU ms/sign-in | pool alone on all cores, sign-ins/s |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int clients : levels) {
                load(pool, clients, WARM_UP, Integer.MAX_VALUE);
                Level level = load(pool, clients, measure, MAX_SIGN_INS);
                double poolMs = level.cpuMillisPerSignIn() * (1 - level.clientCpuShare());
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f%% | %.0f%% | %.2f | %.1f | %.0f |%n",
                        clients, level.count(), level.errors(), level.perSecond(), level.percentile(50),
                        level.percentile(99), level.percentile(100), level.cpuMillisPerSignIn(), 100 * level.clientCpuShare(),
                        100 * level.cpuBusy(cores), level.perSecond() / bothAllCores.perSecond(), poolMs, cores * 1000 / poolMs);
            }
        }
    }

    /** How often {@code operation} runs per second on {@code threadCount} threads, after a short warm-up. */
    private static Baseline rate(int threadCount, Duration duration, Runnable operation) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long elapsed = 0;
        for (Duration phase : List.of(WARM_UP.dividedBy(3), duration)) {
            done.set(0);
            long start = System.nanoTime();
            long deadline = start + phase.toNanos();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                Thread worker = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        operation.run();
                        done.incrementAndGet();
                    }
                }, "bench-baseline-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            elapsed = System.nanoTime() - start;
        }
        return new Baseline(done.get(), elapsed);
    }

    /** The cryptography of one sign-in with no HTTP, JSON or triggers: SRP's two halves and the token signatures. */
    private static final class SrpParts {
        private static final String POOL_NAME = DemoPool.definition().poolName();
        private final SecureRandom random = new SecureRandom();
        private final SrpVerifier verifier = SrpVerifier.create(POOL_NAME, DemoPool.USERNAME, DemoPool.PASSWORD, random);
        private final SrpServer fixedServer = SrpServer.start(verifier, random);
        private final String secretBlock = Base64.getEncoder().encodeToString(new byte[64]);
        private final KeyPair rsa;
        private final byte[] jwtPayload = new byte[700];

        SrpParts() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                rsa = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Client: A = g^a, then the key (g^x and (B - k·g^x)^(a+u·x)) and the claim signature. Server: B = k·v + g^b, then S and the check. */
        void clientAndServer() {
            SrpClient client = SrpClient.start(random);
            SrpServer server = SrpServer.start(verifier, random);
            String timestamp = SrpTimestamp.now(Clock.systemUTC());
            String signature = client.passwordClaimSignature(POOL_NAME, DemoPool.USERNAME, DemoPool.PASSWORD,
                    server.saltHex(), server.publicKeyHex(), secretBlock, timestamp);
            if (!server.verifyPasswordClaim(POOL_NAME, DemoPool.USERNAME, client.publicKeyHex(), secretBlock, timestamp, signature)) {
                throw new IllegalStateException("the baseline's SRP proof did not verify");
            }
        }

        /** The client half alone, against one fixed B. */
        void clientOnly() {
            SrpClient client = SrpClient.start(random);
            String signature = client.passwordClaimSignature(POOL_NAME, DemoPool.USERNAME, DemoPool.PASSWORD,
                    fixedServer.saltHex(), fixedServer.publicKeyHex(), secretBlock, SrpTimestamp.now(Clock.systemUTC()));
            if (signature.isEmpty()) {
                throw new IllegalStateException("no signature");
            }
        }

        /** What the pool's token issuer does per sign-in besides JSON: two SHA256withRSA signatures. */
        void twoRsaSignatures() {
            try {
                for (int i = 0; i < 2; i++) {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    signature.initSign(rsa.getPrivate());
                    signature.update(jwtPayload);
                    signature.sign();
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code clients} threads, each its own SDK client, signing in until {@code duration} or {@code max} sign-ins. */
    private Level load(LocalPool.Running pool, int clients, Duration duration, int max) throws Exception {
        SignInSettings settings = new SignInSettings(DemoPool.definition().poolName(), DemoPool.CLIENT_ID, Optional.empty(),
                AuthFlow.CUSTOM_WITH_SRP, Optional.of(DemoPool.USERNAME), Optional.of(DemoPool.PASSWORD), Map.of());
        AtomicInteger started = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong clientCpu = new AtomicLong();
        long[][] latencies = new long[clients][];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int index = c;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1024];
                int count = 0;
                try (SdkCognitoApi api = SdkCognitoApi.create("us-east-1", pool.endpoint(), DemoPool.CLIENT_ID, CallTimeouts.DEFAULT)) {
                    SignInFlow flow = new SignInFlow(api, new DemoAnswers(), Trace.NONE, Clock.systemUTC(), new SecureRandom());
                    go.await();
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long deadline = window[0] + duration.toNanos();
                    while (System.nanoTime() < deadline && started.incrementAndGet() <= max) {
                        long t0 = System.nanoTime();
                        try {
                            AuthenticationResult tokens = flow.signIn(settings);
                            if (tokens.idToken() == null) {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - t0;
                    }
                    clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                latencies[index] = Arrays.copyOf(mine, count);
            }, "bench-client-" + c);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(200); // let every client build its SDK client before the clock starts
        long processCpuStart = os.getProcessCpuTime();
        window[0] = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        window[1] = System.nanoTime();
        long processCpu = os.getProcessCpuTime() - processCpuStart;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Level(all, errors.get(), window[1] - window[0], clientCpu.get(), processCpu);
    }

    /** The 1-, 5- and 15-minute load averages: other work on the machine skews every figure. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    /** Answers the demo question; the password comes from the settings. */
    private static final class DemoAnswers implements Prompter {
        @Override
        public String ask(Prompt prompt) {
            if (prompt.kind() == PromptKind.ANSWER) {
                return "42";
            }
            throw new InputUnavailableException("the benchmark cannot answer " + prompt.description());
        }

        @Override
        public void show(String message) {
        }
    }

    private record Baseline(long operations, long nanos) {
        double perSecond() {
            return operations * 1e9 / nanos;
        }
    }

    private record Level(long[] sortedLatencies, int errors, long nanos, long clientCpuNanos, long processCpuNanos) {
        int count() {
            return sortedLatencies.length;
        }

        double perSecond() {
            return count() * 1e9 / nanos;
        }

        /** Nearest-rank percentile in milliseconds; 100 is the maximum. */
        double percentile(int p) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedLatencies.length);
            return sortedLatencies[Math.max(0, rank - 1)] / 1e6;
        }

        /** The driver's own share of the process's CPU time (the rest is the pool, JIT and GC). */
        double clientCpuShare() {
            return processCpuNanos == 0 ? Double.NaN : (double) clientCpuNanos / processCpuNanos;
        }

        /** The process's CPU time (driver and pool together) per sign-in. */
        double cpuMillisPerSignIn() {
            return count() == 0 ? Double.NaN : processCpuNanos / 1e6 / count();
        }

        /** The process's CPU time over the wall time of all cores. */
        double cpuBusy(int cores) {
            return (double) processCpuNanos / ((double) nanos * cores);
        }
    }
}
