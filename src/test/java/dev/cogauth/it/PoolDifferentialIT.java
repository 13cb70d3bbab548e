package dev.cogauth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same boto3 session ({@code src/test/python/pool_differential.py}: create a pool and a
 * client, seed a user, a duplicate user, a weak password, sign-up, unconfirmed sign-in,
 * confirmation, an identity pool over the pool and credentials for its user, filtered listing,
 * password reset, deletions, an unknown client) against moto's
 * server and against {@code cogauth local-pool}: the same steps succeed or fail with the same
 * error codes and answer with the same keys, but for the differences listed in {@link #DELIBERATE}
 * (each one moto's, the local pool answering as Cognito does; docs/local-pool-api.md lists them too).
 */
class PoolDifferentialIT {
    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("src/test/python/pool_differential.py");

    /** step → what moto answers there and the local pool (like Cognito) does not, as "moto | local pool". */
    private static final Map<String, String> DELIBERATE = Map.of(
            // moto accepts any confirmation code; Cognito and the local pool check it.
            "confirm with a wrong code", "ok | CodeMismatchException",
            // moto lists empty MFA members; Cognito and the local pool leave them out for a user without MFA.
            "get seed user", "MFA members | none",
            "get unconfirmed user", "MFA members | none",
            "get confirmed user", "MFA members | none",
            // moto leaves out InitiateAuth's empty ChallengeParameters; Cognito sends {}.
            "confirmed sign-in", "keys [AuthenticationResult] | keys [AuthenticationResult, ChallengeParameters]",
            "new password signs in", "keys [AuthenticationResult] | keys [AuthenticationResult, ChallengeParameters]",
            "sign-in for the identity pool", "keys [AuthenticationResult] | keys [AuthenticationResult, ChallengeParameters]",
            // moto leaves out CreateIdentityPool's AllowClassicFlow; Cognito's answer has it (false by default).
            "create identity pool", "keys [AllowUnauthenticatedIdentities, CognitoIdentityProviders, IdentityPoolId,"
                    + " IdentityPoolName, IdentityPoolTags] | keys [AllowClassicFlow, AllowUnauthenticatedIdentities,"
                    + " CognitoIdentityProviders, IdentityPoolId, IdentityPoolName, IdentityPoolTags]");
    private static final List<String> MOTO_MFA_MEMBERS = List.of("MFAOptions", "PreferredMfaSetting", "UserMFASettingList");

    @Test
    void theSameSessionAnswersAlikeButForTheDocumentedDifferences(@TempDir Path outbox) throws Exception {
        Path python = RequiredTool.require("python3", "the boto3 differential against moto");
        requireBoto3(python);
        Map<String, JsonNode> onMoto = run(python, moto.endpoint().toString(), null);
        Map<String, JsonNode> onLocal;
        try (LocalPoolProcess pool = LocalPoolProcess.start(null, "--outbox", outbox.toString())) {
            onLocal = run(python, pool.endpoint().toString(), outbox);
        }
        assertEquals(List.copyOf(onMoto.keySet()), List.copyOf(onLocal.keySet()), "the same steps ran");
        assertTrue(onMoto.size() >= 30, "the whole session ran: " + onMoto.keySet());

        List<String> unexplained = new ArrayList<>();
        for (String step : onMoto.keySet()) {
            JsonNode motoAnswer = onMoto.get(step);
            JsonNode localAnswer = onLocal.get(step);
            String difference = DELIBERATE.get(step);
            if (difference == null) {
                if (!motoAnswer.equals(localAnswer)) {
                    unexplained.add(step + ":\n  moto:  " + motoAnswer + "\n  local: " + localAnswer);
                }
                continue;
            }
            // A listed difference must still be there (else the list is stale), and be the only one.
            if (motoAnswer.equals(localAnswer)) {
                unexplained.add(step + ": listed as different (" + difference + ") but both answered " + motoAnswer);
            }
            if (difference.equals("MFA members | none")) {
                ObjectNode withoutMfa = motoAnswer.deepCopy();
                ArrayNode keys = JSON.createArrayNode();
                motoAnswer.get("keys").forEach(key -> {
                    if (!MOTO_MFA_MEMBERS.contains(key.asText())) {
                        keys.add(key);
                    }
                });
                withoutMfa.set("keys", keys);
                if (!withoutMfa.equals(localAnswer)) {
                    unexplained.add(step + " beyond the MFA members:\n  moto:  " + motoAnswer + "\n  local: " + localAnswer);
                }
            } else {
                String[] sides = difference.split(" \\| ");
                assertEquals(sides[0], summary(motoAnswer), step + " on moto");
                assertEquals(sides[1], summary(localAnswer), step + " on the local pool");
            }
        }
        assertEquals(List.of(), unexplained, "answers that differ without a documented reason");
    }

    /** An answer as DELIBERATE spells it: its outcome when that differs, else its keys. */
    private static String summary(JsonNode answer) {
        if (!answer.get("outcome").asText().equals("ok") || !answer.has("keys")) {
            return answer.get("outcome").asText();
        }
        List<String> keys = new ArrayList<>();
        answer.get("keys").forEach(key -> keys.add(key.asText()));
        return keys.isEmpty() ? "ok" : "keys " + keys.toString();
    }

    private static Map<String, JsonNode> run(Path python, String endpoint, Path outbox) throws Exception {
        List<String> command = new ArrayList<>(List.of(python.toString(), SCRIPT.toString(), "--endpoint", endpoint));
        if (outbox != null) {
            command.addAll(List.of("--outbox", outbox.toString()));
        }
        Path out = Files.createTempFile("differential-", ".jsonl");
        Path err = Files.createTempFile("differential-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the boto3 script did not finish against " + endpoint);
            }
            if (process.exitValue() != 0) {
                fail("the boto3 script failed against " + endpoint + ":\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            Map<String, JsonNode> steps = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                JsonNode step = JSON.readTree(line);
                steps.put(step.get("step").asText(), step);
            }
            return steps;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void requireBoto3(Path python) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(python.toString(), "-c", "import boto3")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!check.waitFor(2, TimeUnit.MINUTES) || check.exitValue() != 0) {
            RequiredTool.require("boto3-for-" + python.getFileName(), "the boto3 differential (pip install boto3)");
        }
    }
}
