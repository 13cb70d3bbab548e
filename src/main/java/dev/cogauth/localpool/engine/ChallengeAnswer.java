package dev.cogauth.localpool.engine;

import dev.cogauth.localpool.definition.ClientDefinition;
import java.util.Map;

/**
 * One RespondToAuthChallenge, checked as far as every challenge needs: the client, the user and the
 * challenge name match the Session's.
 *
 * @param client         the app client of the request (the Session's, as it is configured now)
 * @param token          the Session token the answer came with, to give the Session back for another try
 * @param session        the Session the token named, with the device the answer named
 * @param responses      ChallengeResponses
 * @param clientMetadata ClientMetadata, for the triggers
 */
record ChallengeAnswer(ClientDefinition client, String token, AuthSession session, Map<String, String> responses,
                       Map<String, String> clientMetadata) {
}
