package dev.cogauth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cogauth.protocol.AuthFlow;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInSettingsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "CUSTOM_WITH_SRP,    none,         true",
        "USER_SRP_AUTH,      none,         true",
        "USER_AUTH,          PASSWORD_SRP, true",
        "USER_AUTH,          PASSWORD,     false",
        "USER_AUTH,          none,         false",
        "CUSTOM_WITHOUT_SRP, none,         false",
        "USER_PASSWORD_AUTH, none,         false",
    })
    void sendsSrpAOnlyWhereInitiateAuthCarriesIt(AuthFlow flow, String preferred, boolean expected) {
        SignInSettings settings = new SignInSettings("AbC", "client1", Optional.empty(), flow, Optional.of("alice"),
                Optional.empty(), Map.of()).withFactors(Optional.ofNullable(preferred), Optional.empty());

        assertEquals(expected, settings.sendsSrpA());
    }
}
