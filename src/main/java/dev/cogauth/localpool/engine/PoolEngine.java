package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpHandler;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.trigger.Trigger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Wires a pool definition into the HTTP handler that serves it; the only public door into this package. */
public final class PoolEngine {

    private PoolEngine() {
    }

    /** The sign-in path's triggers, each null when not configured, and Pre Token Generation's event version. */
    public record SignInTriggerSet(Trigger preAuthentication, Trigger postAuthentication, Trigger preTokenGeneration,
                                   int preTokenGenerationVersion) {
        public static final SignInTriggerSet NONE = new SignInTriggerSet(null, null, null, 1);
    }

    /** The API's handler and the accounts the managed login shares with it. */
    public record Served(HttpHandler api, PoolAccounts accounts) {
    }

    /**
     * The pool's API handler, and the accounts the managed login shares with it.
     *
     * @param baseUri  the endpoint the pool is reached at, e.g. {@code http://127.0.0.1:4566}; tokens' {@code iss} starts with it
     * @param outbox   where sent codes are also written, or {@link Outbox#none()}
     * @param define   Define trigger, or null (then CUSTOM_AUTH is refused, as Cognito does without triggers); likewise create, verify
     * @param signIn   the sign-in path's triggers
     * @param maxSessions how many sign-in Sessions the pool keeps at once
     */
    public static Served serve(PoolDefinition definition, String baseUri, Trigger define, Trigger create,
                               Trigger verify, SignInTriggerSet signIn, Clock clock, PoolLog log, int maxSessions,
                               Outbox outbox) {
        // Cognito refuses a body with text after the JSON object; Jackson would ignore it.
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SecureRandom random = new SecureRandom();
        SrpPasswords passwords = new SrpPasswords(definition.poolName(), random, clock);
        UserStore users = new UserStore(definition.users().stream().map(user -> load(user, passwords)).toList());
        SessionStore sessions = new SessionStore(random, clock, maxSessions);
        JwtSigner signer = new JwtSigner(json, random);
        String issuer = baseUri + "/" + definition.poolId();
        DeviceStore devices = new DeviceStore(definition.deviceTracking(), definition.region(), random);
        TriggerInvoker invoker = new TriggerInvoker(definition.poolId(), definition.region(), json, log);
        SignInTriggers signInTriggers = new SignInTriggers(signIn.preAuthentication(), signIn.postAuthentication(),
                signIn.preTokenGeneration(), signIn.preTokenGenerationVersion(), invoker, log);
        TokenService tokens = new TokenService(json, signer, random, clock, issuer, devices, signInTriggers);
        CustomAuthTriggers triggers = new CustomAuthTriggers(define, create, verify, invoker, log);
        SignInSteps steps = new SignInSteps(json, sessions, passwords, triggers, tokens, devices, definition.mfa(),
                new CodeSender(random, clock, log, outbox), log);
        PoolServices pool = new PoolServices(json, new ClientRegistry(definition.clients()), users, sessions, steps,
                tokens, devices, definition.signInPolicy(), signInTriggers, random, clock, log);

        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("InitiateAuth", new InitiateAuth(pool));
        operations.put("RespondToAuthChallenge", new RespondToAuthChallenge(pool));
        SoftwareTokenOperations softwareTokens = new SoftwareTokenOperations(pool);
        operations.put("AssociateSoftwareToken", softwareTokens.associate());
        operations.put("VerifySoftwareToken", softwareTokens.verify());
        TokenOperations tokenOperations = new TokenOperations(pool);
        operations.put("GetTokensFromRefreshToken", tokenOperations.getTokensFromRefreshToken());
        operations.put("RevokeToken", tokenOperations.revokeToken());
        operations.put("GlobalSignOut", tokenOperations.globalSignOut());
        operations.put("GetUser", tokenOperations.getUser());
        DeviceOperations deviceOperations = new DeviceOperations(pool);
        operations.put("ConfirmDevice", deviceOperations.confirm());
        operations.put("UpdateDeviceStatus", deviceOperations.updateStatus());
        operations.put("ForgetDevice", deviceOperations.forget());

        Map<String, Operation> identity = identityOperations(definition, json, pool, signer, issuer);
        String wellKnown = "/" + definition.poolId() + "/.well-known/";
        HttpHandler api = new PoolHttpHandler(json, operations, identity, Map.of(
                wellKnown + "jwks.json", signer.jwks(),
                wellKnown + "openid-configuration", openIdConfiguration(json, issuer, baseUri)), log);
        return new Served(api, new PoolAccounts(json, pool.clients(), users, passwords, tokens, random));
    }

    /** The identity service on the same port, as {@code cogauth credentials} reaches it with the sign-in's endpoint. */
    private static Map<String, Operation> identityOperations(PoolDefinition definition, ObjectMapper json,
                                                             PoolServices pool, JwtSigner signer, String issuer) {
        IdTokenCheck idTokens = new IdTokenCheck(definition.providerName(), definition.region(), issuer, pool.clients(),
                signer, pool.clock());
        IdentityOperations identity = new IdentityOperations(json,
                new IdentityStore(definition.identityPools(), pool.random()), idTokens, signer, pool.random(),
                pool.clock(), pool.log());
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("CreateIdentityPool", identity.createIdentityPool());
        operations.put("DescribeIdentityPool", identity.describeIdentityPool());
        operations.put("GetId", identity.getId());
        operations.put("GetCredentialsForIdentity", identity.getCredentialsForIdentity());
        operations.put("GetOpenIdToken", identity.getOpenIdToken());
        return operations;
    }

    private static PoolUser load(UserDefinition user, SrpPasswords passwords) {
        UserDefinition.MfaSettings mfa = user.mfa();
        boolean hasPassword = user.password() != null;
        String password = hasPassword ? user.password() : UUID.randomUUID() + "-" + UUID.randomUUID();
        return new PoolUser(user.username(), user.attributes().getOrDefault("sub", UUID.randomUUID().toString()),
                user.attributes(), user.status(), passwords.verifier(user.username(), password), hasPassword,
                mfa.sms(), mfa.email(), mfa.totpSecret(), mfa.preferred(), user.passkeys());
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
        config.putArray("code_challenge_methods_supported").add("S256").add("plain");
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
