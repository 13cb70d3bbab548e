package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Checks the answer to one kind of challenge and takes the sign-in's next step: a challenge or the tokens. */
interface ChallengeHandler {
    ObjectNode answer(ChallengeAnswer answer);
}
