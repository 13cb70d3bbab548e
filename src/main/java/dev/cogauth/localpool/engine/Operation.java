package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Cognito API operation, e.g. InitiateAuth: request body in, response body out, or a {@link CognitoError}. */
interface Operation {

    ObjectNode handle(JsonRequest request);
}
