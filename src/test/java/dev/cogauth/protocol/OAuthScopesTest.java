package dev.cogauth.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cognito's authorize endpoint documentation, parameter scope: the rows follow its two sentences on openid. */
class OAuthScopesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // "An ID token is only returned if openid scope is requested."
        "openid email profile          |true |",
        "openid                        |true |",
        "aws.cognito.signin.user.admin |false|",
        "orders/read orders/write      |false|",
        // "The phone, email, and profile scopes can only be requested if openid scope is also requested."
        "email                         |false|email",
        "aws.cognito.signin.user.admin profile|false|profile",
        "phone orders/read             |false|phone",
        "openid phone                  |true |",
    })
    void idTokenAndScopesThatNeedOpenid(String scopes, boolean idToken, String withoutOpenid) {
        List<String> asked = Arrays.asList(scopes.strip().split(" "));
        assertEquals(idToken, OAuthScopes.issueIdToken(asked), scopes);
        assertEquals(Optional.ofNullable(withoutOpenid), OAuthScopes.withoutOpenid(asked), scopes);
    }
}
