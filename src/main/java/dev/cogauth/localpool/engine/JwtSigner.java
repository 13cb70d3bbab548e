package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * RS256 JWTs with one RSA 2048 key, and that key as a JWKS. A fresh key is made on a thread of its own, started at
 * once: its prime search takes 0.1–0.2 s of CPU in the native binary (BigInteger without the JIT's intrinsics),
 * seconds on a busy machine, and a pool's first answers (InitiateAuth, the SRP challenge) need no key. Signing,
 * verifying and the JWKS wait for it.
 */
final class JwtSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final ObjectMapper json;
    private final CompletableFuture<KeyPair> keys;
    private final String keyId;

    JwtSigner(ObjectMapper json, SecureRandom random) {
        this(json, makeInBackground(random), UUID.randomUUID().toString());
    }

    /**
     * A signer whose fresh key is made on the calling thread, before it returns: for pools made at run time
     * (CreateUserPool), so that a flood of such calls holds no more key-making threads than the pool has requests.
     */
    static JwtSigner madeNow(ObjectMapper json, SecureRandom random) {
        return new JwtSigner(json, CompletableFuture.completedFuture(generate(random)), UUID.randomUUID().toString());
    }

    /** A signer with a key kept from an earlier run (--state), so the tokens it issued stay verifiable. */
    JwtSigner(ObjectMapper json, KeyPair keys, String keyId) {
        this(json, CompletableFuture.completedFuture(keys), keyId);
    }

    /** A signer whose key comes when {@code keys} completes. */
    JwtSigner(ObjectMapper json, CompletableFuture<KeyPair> keys, String keyId) {
        this.json = json;
        this.keys = keys;
        this.keyId = keyId;
    }

    private static CompletableFuture<KeyPair> makeInBackground(SecureRandom random) {
        CompletableFuture<KeyPair> made = new CompletableFuture<>();
        Thread maker = new Thread(() -> {
            try {
                made.complete(generate(random));
            } catch (Throwable e) {
                made.completeExceptionally(e);
            }
        }, "local-pool-signing-key");
        maker.setDaemon(true);
        maker.start();
        return made;
    }

    private static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JDK", e);
        }
    }

    /** The key pair, once made (waits for it). */
    KeyPair keys() {
        try {
            return keys.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot make the pool's RSA signing key", e.getCause());
        }
    }

    String keyId() {
        return keyId;
    }

    String sign(ObjectNode claims) {
        ObjectNode header = json.createObjectNode().put("kid", keyId).put("alg", "RS256");
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys().getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The claims of a token this signer made, or empty when it is malformed or the signature fails. */
    Optional<ObjectNode> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys().getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = json.readTree(B64D.decode(parts[1]));
            return claims instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    ObjectNode jwks() {
        RSAPublicKey key = (RSAPublicKey) keys().getPublic();
        ObjectNode jwk = json.createObjectNode()
                .put("alg", "RS256")
                .put("e", unsigned(key.getPublicExponent()))
                .put("kid", keyId)
                .put("kty", "RSA")
                .put("n", unsigned(key.getModulus()))
                .put("use", "sig");
        ObjectNode jwks = json.createObjectNode();
        jwks.putArray("keys").add(jwk);
        return jwks;
    }

    private String encode(ObjectNode node) {
        try {
            return B64.encodeToString(json.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }
}
