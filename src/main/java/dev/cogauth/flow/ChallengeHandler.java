package dev.cogauth.flow;

import dev.cogauth.api.AuthStep;

/** Answers one kind of challenge and returns what the pool says next. */
interface ChallengeHandler {
    AuthStep answer(AuthStep challenge, Exchange exchange);
}
