package dev.cogauth.srp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SrpKeyPairsTest {

    /** Draws a different byte pattern each time and records which thread drew. */
    private static final class RecordingRandom extends SecureRandom {
        final List<Thread> drawnOn = new CopyOnWriteArrayList<>();
        private byte next = 1;

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            drawnOn.add(Thread.currentThread());
            Arrays.fill(bytes, next++);
        }
    }

    @Test
    void computesTheFirstPairOnAnotherThread() {
        RecordingRandom random = new RecordingRandom();
        SrpClient first = SrpKeyPairs.firstInBackground(() -> random).next();

        assertEquals(1, random.drawnOn.size());
        assertNotSame(Thread.currentThread(), random.drawnOn.get(0));
        assertEquals(SrpClient.withPrivateKey(new BigInteger(1, filled((byte) 1))).publicKeyHex(), first.publicKeyHex(),
                "A = g^a mod N of the drawn a");
    }

    @Test
    void handsEveryPairOutOnceAndComputesLaterOnesOnTheCallersThread() {
        RecordingRandom random = new RecordingRandom();
        SrpKeyPairs pairs = SrpKeyPairs.firstInBackground(() -> random);

        String first = pairs.next().publicKeyHex();
        String second = pairs.next().publicKeyHex();

        assertNotEquals(first, second);
        assertEquals(2, random.drawnOn.size());
        assertSame(Thread.currentThread(), random.drawnOn.get(1));
    }

    @Test
    void onDemandDrawsNothingUntilAsked() {
        RecordingRandom random = new RecordingRandom();
        SrpKeyPairs pairs = SrpKeyPairs.onDemand(random);
        assertTrue(random.drawnOn.isEmpty());

        pairs.next();

        assertEquals(List.of(Thread.currentThread()), random.drawnOn);
    }

    @Test
    void throwsWhatTheBackgroundComputationThrew() {
        IllegalStateException noEntropy = new IllegalStateException("no entropy");
        SrpKeyPairs pairs = SrpKeyPairs.firstInBackground(() -> {
            throw noEntropy;
        });

        assertSame(noEntropy, assertThrows(IllegalStateException.class, pairs::next));
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[RandomExponent.CLIENT_BYTES];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
