package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpHandler;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.PoolLimits;
import dev.cogauth.localpool.trigger.Trigger;
import dev.cogauth.protocol.CodeChallenge;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wires a pool definition into the HTTP handler that serves it; the only public door into this package. */
public final class PoolEngine {

    private PoolEngine() {
    }

    /**
     * The sign-in and sign-up paths' triggers, each null when not configured, and Pre Token
     * Generation's event version.
     */
    public record SignInTriggerSet(Trigger preAuthentication, Trigger postAuthentication, Trigger preTokenGeneration,
                                   int preTokenGenerationVersion, Trigger preSignUp, Trigger postConfirmation,
                                   Trigger userMigration, Trigger customMessage) {
        public static final SignInTriggerSet NONE = new SignInTriggerSet(null, null, null, 1);

        /** The sign-in and sign-up paths' triggers, the pool writing its own messages. */
        public SignInTriggerSet(Trigger preAuthentication, Trigger postAuthentication, Trigger preTokenGeneration,
                                int preTokenGenerationVersion, Trigger preSignUp, Trigger postConfirmation,
                                Trigger userMigration) {
            this(preAuthentication, postAuthentication, preTokenGeneration, preTokenGenerationVersion, preSignUp,
                    postConfirmation, userMigration, null);
        }

        /** Only the sign-in path's triggers. */
        public SignInTriggerSet(Trigger preAuthentication, Trigger postAuthentication, Trigger preTokenGeneration,
                                int preTokenGenerationVersion) {
            this(preAuthentication, postAuthentication, preTokenGeneration, preTokenGenerationVersion, null, null, null,
                    null);
        }
    }

    /** The API's handler and the accounts the managed login shares with it. */
    /** The API's handler, the accounts the managed login shares with it, and what writes the state file (a no-op without one). */
    public record Served(HttpHandler api, PoolAccounts accounts, Runnable saveState) {
    }

    /**
     * The pool's API handler, and the accounts the managed login shares with it. The handler also
     * serves the pools CreateUserPool makes at run time, beside this one.
     *
     * @param baseUri  the endpoint the pool is reached at, e.g. {@code http://127.0.0.1:4566}; tokens' {@code iss} starts with it
     * @param outbox   where sent codes are also written, or {@link Outbox#none()}
     * @param define   Define trigger, or null (then CUSTOM_AUTH is refused, as Cognito does without triggers); likewise create, verify
     * @param signIn   the sign-in path's triggers
     * @param limits   how many sign-in Sessions and refresh grants the pool keeps at once
     * @param state    where pools and users are kept across restarts, or null
     * @throws StateFile.Invalid when the state file cannot be used (it is then left as it is)
     */
    public static Served serve(PoolDefinition definition, String baseUri, Trigger define, Trigger create,
                               Trigger verify, SignInTriggerSet signIn, Clock clock, PoolLog log, PoolLimits limits,
                               Outbox outbox, StateFile state) {
        ManagementLimits management = ManagementLimits.DEFAULT;
        // Cognito refuses a body with text after the JSON object; Jackson would ignore it.
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        RunningPool.Wiring wiring = new RunningPool.Wiring(json, baseUri, clock, log, limits, outbox, management,
                new UserBudget(management.usersInAllPools()));
        RunningPool filePool = RunningPool.build(wiring, definition, definition.poolName(), define, create, verify,
                signIn, PasswordPolicy.COGNITO_DEFAULT, json.createObjectNode(), true);
        PoolDirectory directory = new PoolDirectory(wiring, filePool);
        PoolServices pool = filePool.services();
        IdentityStore identities = new IdentityStore(definition.identityPools(), pool.random());
        Map<String, Operation> identity = identityOperations(definition, json, pool, identities, filePool.signer(),
                filePool.issuer());
        PoolRouter router = directory;
        Runnable saveState = () -> { };
        if (state != null) {
            restore(json, directory, identities, state);
            SavingRouter saving = new SavingRouter(json, directory, identities, state);
            router = saving;
            identity = saving.saving(identity);
            saveState = saving::save;
        }
        HttpHandler api = new PoolHttpHandler(json, router, identity, log);
        return new Served(api, new PoolAccounts(json, pool.clients(), pool.users(), filePool.passwords(), pool.tokens(),
                pool.random()), saveState);
    }

    private static void restore(ObjectMapper json, PoolDirectory directory, IdentityStore identities, StateFile state) {
        var kept = state.read(json);
        if (kept == null) {
            return;
        }
        try {
            PoolState.restore(json, directory, identities, kept);
        } catch (StateFile.Invalid e) {
            throw e;
        } catch (RuntimeException e) {
            // A bad enum, date, number or a limit the kept pools exceed: all one answer, the file is not ours to use.
            throw new StateFile.Invalid("it does not hold a usable state (" + e.getMessage() + ")");
        }
    }

    /** The identity service on the same port, as {@code cogauth credentials} reaches it with the sign-in's endpoint. */
    private static Map<String, Operation> identityOperations(PoolDefinition definition, ObjectMapper json,
                                                             PoolServices pool, IdentityStore identities,
                                                             JwtSigner signer, String issuer) {
        IdTokenCheck idTokens = new IdTokenCheck(definition.providerName(), definition.region(), issuer, pool.clients(),
                signer, pool.clock());
        IdentityOperations identity = new IdentityOperations(json,
                identities, idTokens, signer, pool.random(),
                pool.clock(), pool.log());
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("CreateIdentityPool", identity.createIdentityPool());
        operations.put("DescribeIdentityPool", identity.describeIdentityPool());
        operations.put("GetId", identity.getId());
        operations.put("GetCredentialsForIdentity", identity.getCredentialsForIdentity());
        operations.put("GetOpenIdToken", identity.getOpenIdToken());
        return operations;
    }

    /** The issuer's discovery document; the managed login's endpoints are on the pool's own port. */
    public static ObjectNode openIdConfiguration(ObjectMapper json, String issuer, String baseUri) {
        ObjectNode config = json.createObjectNode()
                .put("issuer", issuer)
                .put("jwks_uri", issuer + "/.well-known/jwks.json")
                .put("authorization_endpoint", baseUri + "/oauth2/authorize")
                .put("token_endpoint", baseUri + "/oauth2/token")
                .put("userinfo_endpoint", baseUri + "/oauth2/userInfo")
                .put("revocation_endpoint", baseUri + "/oauth2/revoke")
                .put("end_session_endpoint", baseUri + "/logout");
        config.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        config.putArray("code_challenge_methods_supported").add(CodeChallenge.S256).add(CodeChallenge.PLAIN);
        config.putArray("id_token_signing_alg_values_supported").add("RS256");
        config.putArray("response_types_supported").add("code");
        config.putArray("subject_types_supported").add("public");
        List.of("openid", "email", "phone", "profile").forEach(config.putArray("scopes_supported")::add);
        config.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        List.of("sub", "iss", "cognito:username", "email", "email_verified", "phone_number", "phone_number_verified")
                .forEach(config.putArray("claims_supported")::add);
        return config;
    }
}
