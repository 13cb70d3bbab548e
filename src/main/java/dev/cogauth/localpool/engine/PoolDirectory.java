package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ManagedLoginDefinition;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.SignInPolicy;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.protocol.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pool the process serves: the pool file's, and those CreateUserPool makes beside it (up
 * to {@link ManagementLimits#pools}). Routes each request to its pool: by {@code UserPoolId}
 * (administrator calls), by {@code ClientId} (the public calls), by the issuer of an
 * {@code AccessToken}; anything else goes to the pool file's pool.
 */
final class PoolDirectory implements PoolRouter {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final RunningPool.Wiring wiring;
    private final RunningPool filePool;
    private final Map<String, Served> pools = new LinkedHashMap<>();
    private final Map<String, Operation> directoryOperations;
    private final SecureRandom random = new SecureRandom();

    private record Served(RunningPool pool, Map<String, Operation> operations) {
    }

    PoolDirectory(RunningPool.Wiring wiring, RunningPool filePool) {
        this.wiring = wiring;
        this.filePool = filePool;
        pools.put(filePool.poolId(), new Served(filePool, ManagementOperations.forPool(filePool, this)));
        directoryOperations = ManagementOperations.forDirectory(this);
    }

    RunningPool.Wiring wiring() {
        return wiring;
    }

    RunningPool filePool() {
        return filePool;
    }

    /** A new pool (CreateUserPool): no users, no clients, no triggers, in the pool file's region. */
    synchronized RunningPool create(String name, PasswordPolicy policy, MfaMode mfa, ObjectNode settings) {
        if (pools.size() >= wiring.limits().pools()) {
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "The local pool serves at most " + wiring.limits().pools()
                    + " user pools.");
        }
        String poolId;
        do {
            poolId = filePool.region() + "_" + randomId(9);
        } while (pools.containsKey(poolId));
        return add(poolId, name, policy, mfa, settings, null);
    }

    /** A pool kept from an earlier run (--state), with its id and signing key. */
    synchronized RunningPool restore(String poolId, String name, PasswordPolicy policy, MfaMode mfa, ObjectNode settings,
                                     JwtSigner signer) {
        if (pools.containsKey(poolId)) {
            throw new IllegalArgumentException("the pool " + poolId + " is there twice");
        }
        return add(poolId, name, policy, mfa, settings, signer);
    }

    private RunningPool add(String poolId, String name, PasswordPolicy policy, MfaMode mfa, ObjectNode settings,
                            JwtSigner signer) {
        PoolDefinition definition = new PoolDefinition(poolId, filePool.region(), mfa, List.of(), List.of(),
                TriggerDefinitions.none(), DeviceTracking.OFF, SignInPolicy.PASSWORD_ONLY, ManagedLoginDefinition.none());
        RunningPool pool = RunningPool.build(wiring, definition, name, null, null, null, PoolEngine.SignInTriggerSet.NONE,
                policy, settings, false, signer);
        pools.put(poolId, new Served(pool, ManagementOperations.forPool(pool, this)));
        return pool;
    }

    synchronized void delete(RunningPool pool) {
        if (pool.fromFile()) {
            throw CognitoError.invalidParameter("The pool file's pool " + pool.poolId() + " cannot be deleted.");
        }
        pools.remove(pool.poolId());
        pool.services().users().releaseAll();
    }

    synchronized List<RunningPool> all() {
        return pools.values().stream().map(Served::pool).toList();
    }

    /** An id of {@code length} letters and digits, as Cognito's pool ids and client ids look. */
    String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    SecureRandom random() {
        return random;
    }

    @Override
    public boolean knows(String name) {
        return directoryOperations.containsKey(name) || served(filePool.poolId()).operations().containsKey(name);
    }

    @Override
    public Operation route(String name, JsonRequest request) {
        Operation directoryOperation = directoryOperations.get(name);
        if (directoryOperation != null) {
            return directoryOperation;
        }
        return served(poolFor(request).poolId()).operations().get(name);
    }

    @Override
    public Optional<ObjectNode> document(String path) {
        for (RunningPool pool : all()) {
            ObjectNode document = pool.document(path);
            if (document != null) {
                return Optional.of(document);
            }
        }
        return Optional.empty();
    }

    private synchronized Served served(String poolId) {
        return pools.get(poolId);
    }

    /** The pool a request is addressed to. */
    RunningPool poolFor(JsonRequest request) {
        String poolId = request.peek("UserPoolId");
        if (poolId != null) {
            return byId(poolId);
        }
        String clientId = request.peek("ClientId");
        if (clientId != null) {
            for (RunningPool pool : all()) {
                if (pool.services().clients().has(clientId)) {
                    return pool;
                }
            }
            // The pool file's pool answers, as Cognito does for an unknown client.
            return filePool;
        }
        String accessToken = request.peek("AccessToken");
        if (accessToken != null) {
            String issuerPool = issuerPool(accessToken);
            for (RunningPool pool : all()) {
                if (pool.poolId().equals(issuerPool)) {
                    return pool;
                }
            }
        }
        return filePool;
    }

    RunningPool byId(String poolId) {
        Served served = served(poolId);
        if (served == null) {
            throw new CognitoError(ErrorType.RESOURCE_NOT_FOUND, "User pool " + poolId + " does not exist.");
        }
        return served.pool();
    }

    /** The pool id at the end of a JWT's {@code iss}, unverified: only to pick the pool that then verifies it. */
    private String issuerPool(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = wiring.json().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String issuer = claims.path("iss").asText("");
            return issuer.substring(issuer.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    /** Pools in creation order after {@code afterId} (exclusive; from the start when null), at most {@code max}. */
    synchronized List<RunningPool> page(String afterId, int max) {
        List<RunningPool> page = new ArrayList<>();
        boolean started = afterId == null;
        for (Served served : pools.values()) {
            if (started && page.size() < max) {
                page.add(served.pool());
            }
            if (!started && served.pool().poolId().equals(afterId)) {
                started = true;
            }
        }
        return page;
    }
}
