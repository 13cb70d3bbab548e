package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** SELECT_CHALLENGE: the first factor chosen from those USER_AUTH offered; the choice-based flow takes it. */
final class SelectChallengeHandler implements ChallengeHandler {
    private final UserAuthFlow flow;

    SelectChallengeHandler(PoolServices pool) {
        this.flow = new UserAuthFlow(pool);
    }

    @Override
    public ObjectNode answer(ChallengeAnswer answer) {
        return flow.select(answer.session(), answer.responses());
    }
}
