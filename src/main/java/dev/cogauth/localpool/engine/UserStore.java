package dev.cogauth.localpool.engine;

import dev.cogauth.protocol.ErrorType;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pool's users, found by username or by an alias (email or phone number), as Cognito signs them in.
 * Users created at run time (sign-up, AdminCreateUser, a federated user's first sign-in) count against
 * {@code maxUsers} and the budget all pools share.
 */
final class UserStore {

    private static final String[] ALIASES = {"email", "phone_number"};

    private final int maxUsers;
    private final UserBudget budget;
    /** The users created at run time (they count against the budget; the pool file's do not). */
    private final Set<String> created = new HashSet<>();
    private final Map<String, PoolUser> byUsername = new ConcurrentHashMap<>();
    private final Map<String, PoolUser> byAlias = new ConcurrentHashMap<>();
    /** Usernames in the order users were added, for ListUsers' pages. */
    private final LinkedHashSet<String> order = new LinkedHashSet<>();

    UserStore(Collection<PoolUser> users, int maxUsers, UserBudget budget) {
        this.maxUsers = maxUsers;
        this.budget = budget;
        users.forEach(this::add);
    }

    /** A user created while the pool runs: a federated user's first sign-in. The first one of a name stays. */
    synchronized PoolUser addIfAbsent(PoolUser user) {
        PoolUser existing = byUsername.get(user.username());
        if (existing != null) {
            return existing;
        }
        checkRoom();
        created.add(user.username());
        add(user);
        return user;
    }

    /** A new user (SignUp, AdminCreateUser); UsernameExistsException when the name is taken. */
    synchronized PoolUser create(PoolUser user, String existsMessage) {
        if (byUsername.containsKey(user.username())) {
            throw new CognitoError("UsernameExistsException", existsMessage);
        }
        checkRoom();
        created.add(user.username());
        add(user);
        return user;
    }

    /**
     * A user kept from an earlier run (--state), replacing one of the same name (the pool file's
     * user as it was changed); {@code createdAtRunTime} users count against the limits again.
     */
    synchronized void restore(PoolUser user, boolean createdAtRunTime) {
        byUsername(user.username()).ifPresent(this::remove);
        if (createdAtRunTime) {
            checkRoom();
            created.add(user.username());
        }
        add(user);
    }

    /** Whether the user was created while the pool ran (not from the pool file). */
    synchronized boolean createdAtRunTime(String username) {
        return created.contains(username);
    }

    private void checkRoom() {
        if (byUsername.size() >= maxUsers) {
            throw new CognitoError(ErrorType.LIMIT_EXCEEDED, "The local pool holds at most " + maxUsers + " users.");
        }
        budget.take();
    }

    /** The pool goes (DeleteUserPool): its users created at run time give their places back. */
    synchronized void releaseAll() {
        budget.release(created.size());
        created.clear();
    }

    synchronized void remove(PoolUser user) {
        if (byUsername.remove(user.username(), user)) {
            if (created.remove(user.username())) {
                budget.release(1);
            }
            order.remove(user.username());
            byAlias.values().removeIf(aliased -> aliased == user);
        }
    }

    /** Changes a user's attributes (null deletes one) and the aliases they are found by. */
    synchronized void update(PoolUser user, Map<String, String> changes) {
        byAlias.values().removeIf(aliased -> aliased == user);
        user.changeAttributes(changes);
        aliases(user);
    }

    /** Every user, in the order they were added. */
    synchronized List<PoolUser> all() {
        return order.stream().map(byUsername::get).toList();
    }

    private void add(PoolUser user) {
        byUsername.put(user.username(), user);
        order.add(user.username());
        aliases(user);
    }

    private void aliases(PoolUser user) {
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

    /** The user of exactly this username (management calls name users, not aliases). */
    Optional<PoolUser> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    int size() {
        return byUsername.size();
    }
}
