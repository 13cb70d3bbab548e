package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;
import dev.cogauth.protocol.ChallengeName;
import dev.cogauth.protocol.Param;
import dev.cogauth.srp.SrpClient;
import java.util.Map;

/** DEVICE_SRP_AUTH: starts the remembered device's own SRP exchange with a fresh SRP_A. */
final class DeviceSrpHandler implements ChallengeHandler {

    @Override
    public AuthStep answer(AuthStep challenge, Exchange exchange) {
        if (exchange.settings.device().isEmpty()) {
            throw new UnsupportedChallengeException("the pool asked for DEVICE_SRP_AUTH but no device is remembered");
        }
        exchange.deviceSrp = SrpClient.start(exchange.random);
        Map<String, String> responses = exchange.responsesFor(exchange.username());
        responses.put(Param.SRP_A, exchange.deviceSrp.publicKeyHex());
        return exchange.respond(ChallengeName.DEVICE_SRP_AUTH, responses, challenge.session());
    }
}
