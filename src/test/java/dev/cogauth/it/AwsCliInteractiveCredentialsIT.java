package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;

/**
 * {@code credential_process = cogauth credentials --interactive ...} run by the real AWS CLI in a
 * terminal (tmux) with an empty cache: the AWS CLI gives credential_process pipes for stdin and
 * stdout, so cogauth asks on /dev/tty, then hands the credentials (from moto's identity pool) to the
 * AWS CLI, which signs its call with them.
 */
class AwsCliInteractiveCredentialsIT {
    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String USER = "cli-carla";
    private static final String PASSWORD = "Cli-Passw0rd!-42";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MotoPool pool;
    private static String identityPoolId;

    @TempDir
    Path temp;

    @BeforeAll
    static void provision() {
        pool = moto.newPool("aws-cli-it");
        pool.addUser(USER, PASSWORD);
        try (CognitoIdentityClient identity = CognitoIdentityClient.builder().region(MotoServer.REGION)
                .endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            identityPoolId = identity.createIdentityPool(b -> b.identityPoolName("awscliit")
                    .allowUnauthenticatedIdentities(false)
                    .cognitoIdentityProviders(p -> p.providerName("cognito-idp.us-east-1.amazonaws.com/"
                            + pool.poolId()).clientId(pool.clientId()))).identityPoolId();
        }
    }

    @Test
    void theAwsCliGetsCredentialsAfterASignInOnTheTerminal() throws Exception {
        Path aws = RequiredTool.require("aws", "the AWS CLI, which runs credential_process");
        // moto's credentials last 90 seconds, so the test lowers the 16-minute floor.
        String process = Cogauth.command("credentials", "--pool-id", pool.poolId(), "--client-id", pool.clientId(),
                "--endpoint-url", moto.endpoint().toString(), "--auth-flow", "USER_PASSWORD_AUTH", "-u", USER,
                "--identity-pool-id", identityPoolId, "--min-ttl", "30s", "--format", "process", "--interactive")
                .stream().map(AwsCliInteractiveCredentialsIT::shellQuote).collect(Collectors.joining(" "));
        Path config = temp.resolve("aws-config");
        Files.writeString(config, "[profile dev]\nregion = us-east-1\ncredential_process = " + process + "\n");
        Path out = temp.resolve("out");
        Cogauth env = Cogauth.run().env("NO_COLOR", "1").env("COGAUTH_CACHE_DIR", temp.resolve("cache").toString())
                .env("AWS_CONFIG_FILE", config.toString())
                .env("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("none").toString())
                .env("AWS_PAGER", "").env("OUT", out.toString());
        List<String> command = List.of("sh", "-c", "\"$@\" >\"$OUT\"", "sh", aws.toString(), "sts",
                "get-caller-identity", "--profile", "dev", "--endpoint-url", moto.endpoint().toString(),
                "--output", "json");
        try (Tty tty = Tty.start(env.environment(), command)) {
            String asked = tty.awaitText("Password", WAIT);
            assertTrue(asked.contains("credential_process needs a sign-in"), () -> "says why it asks:\n" + asked);
            tty.typeLine(PASSWORD);
            int exit = tty.awaitExit(WAIT);
            String screen = tty.screen();
            assertEquals(0, exit, () -> "the AWS CLI's exit code; screen:\n" + screen);
            assertFalse(screen.contains(PASSWORD), () -> "the password was echoed:\n" + screen);
            JsonNode identity = JSON.readTree(Files.readString(out));
            assertTrue(identity.has("Account"), identity::toString);
        }
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
