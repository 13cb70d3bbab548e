package dev.cogauth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogauth.api.AwsCredentials;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandOffFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsCredentials CREDENTIALS = new AwsCredentials("us-east-1:id", "AKIAEXAMPLE", "s3cr3t",
            "session", Instant.parse("2026-11-26T11:00:00Z"));

    @Test
    void process_format_is_the_credential_process_contract_version_1() throws Exception {
        JsonNode process = JSON.readTree(CredentialsPrinter.render(CredentialsFormat.PROCESS, CREDENTIALS));
        assertEquals(1, process.get("Version").asInt());
        assertEquals("AKIAEXAMPLE", process.get("AccessKeyId").asText());
        assertEquals("s3cr3t", process.get("SecretAccessKey").asText());
        assertEquals("session", process.get("SessionToken").asText());
        assertEquals("2026-11-26T11:00:00Z", process.get("Expiration").asText());
        assertFalse(process.has("IdentityId"), "the contract has exactly these fields");
    }

    @Test
    void credentials_never_print_their_secret_in_toString() {
        assertFalse(CREDENTIALS.toString().contains("s3cr3t") || CREDENTIALS.toString().contains("session"));
    }

    @ParameterizedTest(name = "KUBERNETES_EXEC_INFO {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                                                                           | client.authentication.k8s.io/v1      | false",
        "'{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":true}}'       | client.authentication.k8s.io/v1      | true",
        "'{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"spec\":{\"interactive\":false}}' | client.authentication.k8s.io/v1beta1 | false",
        "'{\"apiVersion\":\"client.authentication.k8s.io/v9\"}'                                       | client.authentication.k8s.io/v1      | false",
        "'not json'                                                                                   | client.authentication.k8s.io/v1      | false",
    })
    void exec_info_is_read_leniently(String info, String version, boolean interactive) {
        ExecCredential.ExecInfo read = ExecCredential.info(info.isEmpty() ? Optional.empty() : Optional.of(info));
        assertEquals(new ExecCredential.ExecInfo(version, interactive), read);
    }

    @Test
    void exec_credential_has_the_token_and_its_expiry() throws Exception {
        JsonNode credential = JSON.readTree(ExecCredential.render(ExecCredential.V1, "the.id.token",
                Instant.parse("2026-11-26T11:00:00Z")));
        assertEquals("ExecCredential", credential.get("kind").asText());
        assertEquals("the.id.token", credential.get("status").get("token").asText());
        assertEquals("2026-11-26T11:00:00Z", credential.get("status").get("expirationTimestamp").asText());
    }
}
