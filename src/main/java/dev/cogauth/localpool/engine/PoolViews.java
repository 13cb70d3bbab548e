package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How a pool and an app client look in management answers. */
final class PoolViews {

    private PoolViews() {
    }

    /** DescribeUserPool's and CreateUserPool's {@code UserPool}. */
    static ObjectNode described(ObjectMapper json, RunningPool pool) {
        ObjectNode view = listed(json, pool);
        view.setAll(pool.settings());
        view.put("Arn", "arn:aws:cognito-idp:" + pool.region() + ":000000000000:userpool/" + pool.poolId());
        view.set("Policies", pool.policy().toJson(json));
        view.put("MfaConfiguration", pool.definition().mfa().name());
        view.put("EstimatedNumberOfUsers", pool.services().users().size());
        return view;
    }

    /** {@code settings} when it is at most {@code max} characters as JSON, the pool keeping it; else InvalidParameterException. */
    static ObjectNode capped(ObjectNode settings, int max, String what) {
        if (settings.toString().length() > max) {
            throw CognitoError.invalidParameter("The local pool keeps at most " + max + " characters of " + what + ".");
        }
        return settings;
    }

    /** ListUserPools' entry. */
    static ObjectNode listed(ObjectMapper json, RunningPool pool) {
        ObjectNode view = json.createObjectNode().put("Id", pool.poolId()).put("Name", pool.name());
        view.putObject("LambdaConfig");
        return view.put("CreationDate", UserViews.epochSeconds(pool.created()))
                .put("LastModifiedDate", UserViews.epochSeconds(pool.created()));
    }
}
