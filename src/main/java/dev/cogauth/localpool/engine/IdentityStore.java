package dev.cogauth.localpool.engine;

import dev.cogauth.localpool.definition.IdentityPoolDefinition;
import dev.cogauth.protocol.ErrorType;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The identity pools (the pool file's and those created at run time) and the identities GetId
 * hands out: one per sign-in subject per identity pool, or a new one per guest. Both bounded,
 * since any caller can grow them.
 */
final class IdentityStore {

    static final int MAX_POOLS = 100;
    static final int MAX_IDENTITIES = 10_000;

    /** One identity: its pool, and the login ({@code <providerName>:<sub>}) it belongs to, or null for a guest. */
    record Identity(String identityId, String identityPoolId, String login) {
    }

    private final Map<String, IdentityPoolDefinition> pools = new LinkedHashMap<>();
    /** The pool file's identity pools; the others were made by CreateIdentityPool. */
    private final Set<String> declared = new HashSet<>();
    private final Map<String, Identity> identities = new HashMap<>();
    private final Map<String, String> byLogin = new HashMap<>();
    private final SecureRandom random;

    IdentityStore(Collection<IdentityPoolDefinition> declared, SecureRandom random) {
        this.random = random;
        declared.forEach(pool -> {
            pools.put(pool.identityPoolId(), pool);
            this.declared.add(pool.identityPoolId());
        });
    }

    /** The identity pools CreateIdentityPool made, in the order made (what {@code --state} keeps). */
    synchronized List<IdentityPoolDefinition> createdAtRunTime() {
        return pools.values().stream().filter(pool -> !declared.contains(pool.identityPoolId())).toList();
    }

    /** Every identity GetId handed out. */
    synchronized List<Identity> identities() {
        return List.copyOf(identities.values());
    }

    /** Puts back an identity pool kept from an earlier run; one of the pool file's ids is refused. */
    synchronized void restore(IdentityPoolDefinition pool) {
        if (pools.containsKey(pool.identityPoolId())) {
            throw new IllegalArgumentException("the identity pool " + pool.identityPoolId() + " is kept twice");
        }
        if (pools.size() >= MAX_POOLS) {
            throw new IllegalArgumentException("more than " + MAX_POOLS + " identity pools");
        }
        pools.put(pool.identityPoolId(), pool);
    }

    /** Puts back an identity kept from an earlier run, of an identity pool this store has. */
    synchronized void restore(Identity identity) {
        pool(identity.identityPoolId());
        if (identities.size() >= MAX_IDENTITIES || identities.containsKey(identity.identityId())) {
            throw new IllegalArgumentException("an identity kept twice, or more than " + MAX_IDENTITIES);
        }
        identities.put(identity.identityId(), identity);
        if (identity.login() != null) {
            byLogin.put(identity.identityPoolId() + "\n" + identity.login(), identity.identityId());
        }
    }

    synchronized IdentityPoolDefinition pool(String identityPoolId) {
        IdentityPoolDefinition pool = pools.get(identityPoolId);
        if (pool == null) {
            throw new CognitoError(ErrorType.RESOURCE_NOT_FOUND, "IdentityPool '" + identityPoolId + "' not found.");
        }
        return pool;
    }

    /** A new identity pool in {@code region}, with a fresh id. */
    synchronized IdentityPoolDefinition create(String region, String name, boolean allowUnauthenticated,
                                               List<IdentityPoolDefinition.Provider> providers) {
        if (pools.size() >= MAX_POOLS) {
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "The local pool keeps at most " + MAX_POOLS
                    + " identity pools.");
        }
        IdentityPoolDefinition pool = new IdentityPoolDefinition(region + ":" + uuid(), name, allowUnauthenticated,
                providers);
        pools.put(pool.identityPoolId(), pool);
        return pool;
    }

    /** The identity of {@code login} in the pool, made at first use; a new guest identity when login is null. */
    synchronized Identity identityFor(String identityPoolId, String login) {
        if (login != null) {
            String known = byLogin.get(identityPoolId + "\n" + login);
            if (known != null) {
                return identities.get(known);
            }
        }
        if (identities.size() >= MAX_IDENTITIES) {
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "The local pool keeps at most " + MAX_IDENTITIES
                    + " identities.");
        }
        Identity identity = new Identity(pool(identityPoolId).region() + ":" + uuid(), identityPoolId, login);
        identities.put(identity.identityId(), identity);
        if (login != null) {
            byLogin.put(identityPoolId + "\n" + login, identity.identityId());
        }
        return identity;
    }

    synchronized Optional<Identity> identity(String identityId) {
        return Optional.ofNullable(identities.get(identityId));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
