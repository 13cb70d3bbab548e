package dev.cogauth.it;

import static dev.cogauth.it.SignIns.signedInAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * {@code cogauth local-pool --state FILE} as users run it: a pool, client, group, user and identity
 * pool made through the AWS SDK survive SIGTERM and a restart, and {@code cogauth signin} signs the kept
 * user in with the kept password; the file is 0600. A file it cannot use: exit 5, one line, the
 * file untouched.
 */
class LocalPoolStateIT {

    private static final String PASSWORD = "Kept-Passw0rd!";
    private static final String DEMO_CLIENT = "cogauthdemoclient";

    @TempDir
    Path temp;

    private record Made(String poolId, String clientId, String identityPoolId) {
    }

    private static CognitoIdentityClient identity(LocalPoolProcess pool) {
        return CognitoIdentityClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static CognitoIdentityProviderClient api(LocalPoolProcess pool) {
        return CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void whatTheApiMadeSurvivesARestartAndSignsIn() throws Exception {
        Path state = temp.resolve("state").resolve("pool-state.json");
        Made made;
        try (LocalPoolProcess pool = LocalPoolProcess.start(null, "--state", state.toString());
             CognitoIdentityProviderClient api = api(pool); CognitoIdentityClient identity = identity(pool)) {
            String poolId = api.createUserPool(r -> r.poolName("kept")).userPool().id();
            String clientId = api.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            api.adminCreateUser(r -> r.userPoolId(poolId).username("kim").messageAction(MessageActionType.SUPPRESS));
            api.adminSetUserPassword(r -> r.userPoolId(poolId).username("kim").password(PASSWORD).permanent(true));
            api.createGroup(r -> r.userPoolId(poolId).groupName("admins"));
            api.adminAddUserToGroup(r -> r.userPoolId(poolId).username("kim").groupName("admins"));
            String identityPoolId = identity.createIdentityPool(r -> r.identityPoolName("kept identities")
                    // Identity pools take the pool file's pool's clients: here the demo pool's.
                    .allowUnauthenticatedIdentities(false).cognitoIdentityProviders(p -> p.clientId(DEMO_CLIENT)
                            .providerName("cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo"))).identityPoolId();
            made = new Made(poolId, clientId, identityPoolId);
            pool.stop();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        try (LocalPoolProcess pool = LocalPoolProcess.start(null, "--state", state.toString());
             CognitoIdentityClient identity = identity(pool)) {
            assertEquals(DEMO_CLIENT, identity.describeIdentityPool(r -> r.identityPoolId(made.identityPoolId()))
                    .cognitoIdentityProviders().get(0).clientId(), "the identity pool made at run time is kept");
            Cogauth.Result run = Cogauth.run().env("COGAUTH_CACHE_DIR", temp.resolve("cache").toString())
                    .env("COGAUTH_PASSWORD", PASSWORD)
                    .exec("signin", "--pool-id", made.poolId(), "--client-id", made.clientId(),
                            "--endpoint-url", pool.endpoint().toString(), "--auth-flow", "USER_SRP_AUTH", "-u", "kim");
            signedInAs(run, "kim");
            JsonNode claims = IdToken.claims(run);
            assertEquals(List.of("admins"), List.of(claims.path("cognito:groups").path(0).asText()), run::describe);
        }
    }

    @Test
    void aTruncatedStateFileIsRefusedWithOneLineAndLeftAsItIs() throws Exception {
        Path directory = temp.resolve("state");
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path state = directory.resolve("pool-state.json");
        String truncated = "{\"cogauthLocalPoolState\":1,\"pools\":[{\"poolId\":\"us-ea";
        Files.writeString(state, truncated);
        Cogauth.Result run = Cogauth.run().exec("local-pool", "--port", "0", "--state", state.toString());
        run.assertExit(5).check(!run.hasStackTrace(), "no stack trace")
                .check(run.errorLines().size() == 1 && run.stderrLines().size() == 1, "one line on stderr")
                .check(run.stderr().contains("start fresh"), "says how to start fresh");
        assertEquals(truncated, Files.readString(state));
        assertTrue(run.stdout().isEmpty(), run::describe);
    }
}
