package dev.cogauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PoolIdTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "us-east-1_EXAMPLE12,     us-east-1,     EXAMPLE12",
        "eu-central-2_a1,         eu-central-2,  a1",
        "us-gov-west-1_Abc,       us-gov-west-1, Abc",
        // two-digit region numbers: the client took them, the pool file did not
        "ap-southeast-10_LocalX,  ap-southeast-10, LocalX",
    })
    void aUserPoolIdIsItsRegionAndItsName(String id, String region, String name) {
        assertEquals(true, PoolId.isUserPool(id), id);
        assertEquals(region, PoolId.regionOfUserPool(id), id);
        assertEquals(name, PoolId.nameOfUserPool(id), id);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "us-east-1", "us-east-1_", "_Pool", "us-east-1_a-b", "us-east-1_a_b", "local_Pool",
        "US-EAST-1_Pool", "us-east-123_Pool", "us-east-1:0a1b", " us-east-1_Pool"})
    void anythingElseIsNoUserPoolId(String id) {
        assertEquals(false, PoolId.isUserPool(id), id);
        assertThrows(IllegalArgumentException.class, () -> PoolId.regionOfUserPool(id));
        assertThrows(IllegalArgumentException.class, () -> PoolId.nameOfUserPool(id));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" {1}")
    @CsvSource({
        "us-east-1:0a1b2c3d-1111-2222-3333-444455556666, true",
        "eu-west-1:0a1b-2c3d,                             true",
        // Cognito's own pattern for IdentityPoolId takes lower-case hex only
        "us-east-1:0A1B2C3D-1111-2222-3333-444455556666, false",
        "us-east-1_Pool,                                  false",
        "pool-1,                                          false",
        "us-east-1:,                                      false",
    })
    void anIdentityPoolIdIsARegionAndHexDigits(String id, boolean valid) {
        assertEquals(valid, PoolId.isIdentityPool(id), id);
        if (valid) {
            assertEquals(id.substring(0, id.indexOf(':')), PoolId.regionOfIdentityPool(id));
        } else {
            assertThrows(IllegalArgumentException.class, () -> PoolId.regionOfIdentityPool(id));
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" {1}")
    @CsvSource({"us-east-1, true", "cn-northwest-1, true", "eu-west-12, true", "useast1, false", "us-east, false",
        "Us-east-1, false"})
    void aRegionIsTwoLettersWordsAndANumber(String text, boolean valid) {
        assertEquals(valid, PoolId.isRegion(text), text);
    }
}
