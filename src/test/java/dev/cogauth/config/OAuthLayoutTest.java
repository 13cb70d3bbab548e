package dev.cogauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OAuthLayoutTest {
    private static final String POOL = "\"CognitoUserPool\": {\"Default\": {\"PoolId\": \"us-east-1_Abc\", "
            + "\"AppClientId\": \"client1\", \"Region\": \"us-east-1\"}}";

    @Test
    void awsconfiguration_auth_default_oauth() throws ConfigException {
        OAuthSettings oauth = ConfigFiles.parseOAuth("{" + POOL + ", \"Auth\": {\"Default\": {\"OAuth\": {"
                + "\"WebDomain\": \"example.auth.us-east-1.amazoncognito.com\", \"AppClientId\": \"client1\","
                + "\"SignInRedirectURI\": \"myapp://signin/,http://localhost:8400/\","
                + "\"SignOutRedirectURI\": \"http://localhost:8400/signout\","
                + "\"Scopes\": [\"openid\", \"email\"]}}}}", "awsconfiguration.json");
        assertEquals(new OAuthSettings(Optional.of("example.auth.us-east-1.amazoncognito.com"),
                List.of("myapp://signin/", "http://localhost:8400/"), List.of("http://localhost:8400/signout"),
                List.of("openid", "email")), oauth);
    }

    @Test
    void amplifyconfiguration_plugin_and_js_style_oauth() throws ConfigException {
        OAuthSettings plugin = ConfigFiles.parseOAuth("{\"auth\": {\"plugins\": {\"awsCognitoAuthPlugin\": {" + POOL
                + ", \"Auth\": {\"Default\": {\"OAuth\": {\"WebDomain\": \"login.example.com\"}}}}}}}", "amplifyconfiguration.json");
        assertEquals(Optional.of("login.example.com"), plugin.domain());
        OAuthSettings js = ConfigFiles.parseOAuth("{\"auth\": {\"plugins\": {\"awsCognitoAuthPlugin\": {" + POOL
                + ", \"oauth\": {\"domain\": \"login.example.com\", \"redirectSignIn\": \"http://localhost:3000/\","
                + " \"scope\": [\"openid\"]}}}}}", "amplifyconfiguration.json");
        assertEquals(List.of("http://localhost:3000/"), js.signInRedirectUris());
        assertEquals(List.of("openid"), js.scopes());
    }

    @Test
    void amplify_outputs_auth_oauth() throws ConfigException {
        OAuthSettings oauth = ConfigFiles.parseOAuth("{\"auth\": {\"user_pool_id\": \"us-east-1_Abc\","
                + " \"user_pool_client_id\": \"client1\", \"oauth\": {\"domain\": \"example.auth.us-east-1.amazoncognito.com\","
                + " \"redirect_sign_in_uri\": [\"http://127.0.0.1:8400/cb\"], \"redirect_sign_out_uri\": [],"
                + " \"scopes\": [\"openid\", \"profile\"], \"response_type\": \"code\"}}}", "amplify_outputs.json");
        assertEquals(List.of("http://127.0.0.1:8400/cb"), oauth.signInRedirectUris());
        assertEquals(List.of("openid", "profile"), oauth.scopes());
    }

    @Test
    void none_when_the_file_has_no_oauth_and_a_problem_when_it_is_malformed() throws ConfigException {
        assertEquals(OAuthSettings.none(), ConfigFiles.parseOAuth("{" + POOL + "}", "awsconfiguration.json"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.parseOAuth("{" + POOL
                + ", \"Auth\": {\"Default\": {\"OAuth\": {\"Scopes\": [1]}}}}", "awsconfiguration.json"));
        assertTrue(e.getMessage().contains("Auth.Default.OAuth.Scopes"), e.getMessage());
    }
}
