package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.ErrorType;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;

/** The pool's users, found by username or by an alias (email or phone number), as Cognito signs them in. */
final class UserStore {

    private static final String[] ALIASES = {"email", "phone_number"};

    private final Map<String, PoolUser> byUsername = new ConcurrentHashMap<>();
    private final Map<String, PoolUser> byAlias = new ConcurrentHashMap<>();
    /** Users a running pool may create (federated sign-ins), beyond those of the pool file. */
    static final int MAX_CREATED = 10_000;
    private int created;

    UserStore(Collection<PoolUser> users) {
        users.forEach(this::add);
    }

    /** A user created while the pool runs: a federated user's first sign-in. The first one of a name stays. */
    synchronized PoolUser addIfAbsent(PoolUser user) {
        PoolUser existing = byUsername.get(user.username());
        if (existing != null) {
            return existing;
        }
        if (created >= MAX_CREATED) {
            throw new CognitoError(ErrorType.TOO_MANY_REQUESTS, "The local pool holds too many federated users.");
        }
        created++;
        add(user);
        return user;
    }

    private void add(PoolUser user) {
        byUsername.put(user.username(), user);
        for (String alias : ALIASES) {
            String value = user.attributes().get(alias);
            if (value != null) {
                byAlias.putIfAbsent(value, user);
            }
        }
    }

    /** The user a sign-in name means: the username itself first, then an alias. */
    Optional<PoolUser> find(String name) {
        PoolUser user = byUsername.get(name);
        return Optional.ofNullable(user != null ? user : byAlias.get(name));
    }
}
