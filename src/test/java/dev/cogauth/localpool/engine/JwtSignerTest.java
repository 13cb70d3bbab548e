package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwtSignerTest {

    private final ObjectMapper json = new ObjectMapper();

    /** Records which threads draw from it. */
    private static final class RecordingRandom extends SecureRandom {
        final Set<Thread> callers = ConcurrentHashMap.newKeySet();

        @Override
        public void nextBytes(byte[] bytes) {
            callers.add(Thread.currentThread());
            super.nextBytes(bytes);
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static BigInteger modulusOf(ObjectNode jwks) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwks.path("keys").path(0).path("n").asText()));
    }

    @Test
    void aFreshKeyIsMadeOffTheStartingThreadAndIsTheOneThatSignsAndTheJwksShows() {
        RecordingRandom random = new RecordingRandom();
        JwtSigner signer = new JwtSigner(json, random);

        String token = signer.sign(json.createObjectNode().put("sub", "demo"));

        assertFalse(random.callers.isEmpty(), "the key was drawn from the pool's random");
        assertFalse(random.callers.contains(Thread.currentThread()), "the key was made on the starting thread");
        assertEquals("demo", signer.verify(token).orElseThrow().path("sub").asText());
        RSAPublicKey key = (RSAPublicKey) signer.keys().getPublic();
        assertEquals(key.getModulus(), modulusOf(signer.jwks()));
        assertEquals(signer.keyId(), signer.jwks().path("keys").path(0).path("kid").asText());
    }

    @Test
    void signingWaitsForTheKeyAndUsesIt() throws Exception {
        CompletableFuture<KeyPair> coming = new CompletableFuture<>();
        JwtSigner signer = new JwtSigner(json, coming, "kid-1");
        assertEquals("kid-1", signer.keyId(), "the key id is known before the key");

        AtomicReference<String> token = new AtomicReference<>();
        Thread signing = new Thread(() -> token.set(signer.sign(json.createObjectNode().put("sub", "demo"))));
        signing.start();
        KeyPair keys = rsa();
        coming.complete(keys);
        signing.join();

        assertTrue(new JwtSigner(json, keys, "kid-1").verify(token.get()).isPresent(), "signed with the key that came");
        assertEquals(((RSAPublicKey) keys.getPublic()).getModulus(), modulusOf(signer.jwks()));
    }

    @Test
    void aKeyThatCouldNotBeMadeFailsEachUseClearly() {
        CompletableFuture<KeyPair> failed = new CompletableFuture<>();
        failed.completeExceptionally(new java.security.NoSuchAlgorithmException("no RSA"));
        JwtSigner signer = new JwtSigner(json, failed, "kid-1");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> signer.sign(json.createObjectNode().put("sub", "demo")));
        assertInstanceOf(java.security.NoSuchAlgorithmException.class, e.getCause());
        assertThrows(IllegalStateException.class, signer::jwks);
    }
}
