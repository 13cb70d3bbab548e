package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whose tokens a sign-in's are, by the claims Cognito puts in its ID and access tokens. */
class TokenOwnerTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // what | ID token claims (empty: none) | access token claims | expected
        "the ID token names the user          |{\"cognito:username\":\"bella\"}|{\"token_use\":\"access\",\"client_id\":\"app\",\"username\":\"other\"}|bella",
        "an ID token without the name         |{\"sub\":\"s-1\"}              |{\"token_use\":\"access\",\"client_id\":\"app\",\"username\":\"bella\"}|",
        "no ID token: the access token's name |                               |{\"token_use\":\"access\",\"client_id\":\"app\",\"username\":\"bella\",\"sub\":\"s-1\"}|bella",
        "no ID token, no username: its sub    |                               |{\"token_use\":\"access\",\"client_id\":\"app\",\"sub\":\"s-1\"}|s-1",
        "an access token for another client   |                               |{\"token_use\":\"access\",\"client_id\":\"other\",\"username\":\"bella\"}|",
        "an ID token where the access token is|                               |{\"token_use\":\"id\",\"aud\":\"app\",\"cognito:username\":\"bella\"}|",
        "an access token that names no one    |                               |{\"token_use\":\"access\",\"client_id\":\"app\"}|",
    })
    void poolUsername(String what, String idClaims, String accessClaims, String expected) {
        String idToken = idClaims == null ? null : jwt(idClaims);
        assertEquals(Optional.ofNullable(expected), TokenOwner.poolUsername(idToken, jwt(accessClaims), "app"), what);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"not a JWT|x", "three parts, no JSON|a.b.c"})
    void anUnreadableAccessTokenNamesNoOne(String what, String token) {
        assertEquals(Optional.empty(), TokenOwner.poolUsername(null, token, "app"), what);
    }

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }
}
