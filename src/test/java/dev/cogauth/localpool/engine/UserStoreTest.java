package dev.cogauth.localpool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The users a pool may gain at run time: its own cap, and the budget all pools share. */
class UserStoreTest {

    @Test
    void runTimeUsersCountAgainstTheSharedBudgetUntilRemovedOrThePoolGoes() {
        UserBudget budget = new UserBudget(3);
        UserStore first = new UserStore(List.of(user("fromFile")), 10, budget);
        UserStore second = new UserStore(List.of(), 10, budget);
        first.create(user("a"), "exists");
        first.create(user("b"), "exists");
        second.create(user("c"), "exists");
        CognitoError full = assertThrows(CognitoError.class, () -> second.create(user("d"), "exists"));
        assertEquals("LimitExceededException", full.type());

        first.remove(first.byUsername("a").orElseThrow());
        second.create(user("d"), "exists");
        assertThrows(CognitoError.class, () -> second.create(user("e"), "exists"));
        first.remove(first.byUsername("fromFile").orElseThrow());
        assertThrows(CognitoError.class, () -> second.create(user("e"), "exists"), "the pool file's users are not in the budget");
        first.releaseAll();
        second.create(user("e"), "exists");
        assertThrows(CognitoError.class, () -> second.create(user("f"), "exists"));
        assertEquals(3, second.size());
    }

    @Test
    void aPoolsOwnCapAndTakenNames() {
        UserStore store = new UserStore(List.of(), 1, new UserBudget(100));
        store.create(user("a"), "User already exists");
        CognitoError taken = assertThrows(CognitoError.class, () -> store.create(user("a"), "User already exists"));
        assertEquals("UsernameExistsException", taken.type());
        assertEquals("User already exists", taken.getMessage());
        assertEquals("LimitExceededException", assertThrows(CognitoError.class, () -> store.create(user("b"), "x")).type());
    }

    private static PoolUser user(String name) {
        return new PoolUser(name, name + "-sub", Map.of(), UserStatus.CONFIRMED, null, true, false, false, null, null, List.of());
    }
}
