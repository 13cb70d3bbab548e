package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.PoolLimits;
import dev.cogauth.localpool.definition.UserDefinition;
import dev.cogauth.localpool.trigger.Trigger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One user pool being served: the pool file's, or one made by CreateUserPool. Holds its users,
 * clients, sessions and token issuer ({@link PoolServices}), its password policy and the
 * settings DescribeUserPool shows back.
 */
final class RunningPool {

    private final PoolDefinition definition;
    private final PoolServices services;
    private final SrpPasswords passwords;
    private final CodeSender codes;
    private final PasswordPolicy policy;
    private final ObjectNode settings;
    private final boolean fromFile;
    private volatile Instant created;
    private final Map<String, ObjectNode> documents;
    private final String jwksPath;
    private final String name;
    /** What CreateUserPoolClient / UpdateUserPoolClient were given, by client id, shown back by DescribeUserPoolClient. */
    private final Map<String, ObjectNode> clientSettings = new ConcurrentHashMap<>();
    private final Groups groups;
    private final JwtSigner signer;
    private final String issuer;
    private final SignUpTriggers signUpTriggers;

    private RunningPool(PoolDefinition definition, String name, PoolServices services, SrpPasswords passwords, CodeSender codes,
                        PasswordPolicy policy, ObjectNode settings, boolean fromFile, Map<String, ObjectNode> documents,
                        String jwksPath, int maxGroups, JwtSigner signer, String issuer, SignUpTriggers signUpTriggers) {
        this.signUpTriggers = signUpTriggers;
        this.signer = signer;
        this.issuer = issuer;
        this.definition = definition;
        this.name = name;
        this.services = services;
        this.passwords = passwords;
        this.codes = codes;
        this.policy = policy;
        this.settings = settings;
        this.fromFile = fromFile;
        this.created = services.clock().instant();
        this.documents = Map.copyOf(documents);
        this.jwksPath = jwksPath;
        this.groups = new Groups(maxGroups);
    }

    /** The shared parts every pool of the process is made with. */
    record Wiring(ObjectMapper json, String baseUri, Clock clock, PoolLog log, PoolLimits poolLimits, Outbox outbox,
                  ManagementLimits limits, UserBudget users) {
    }

    /**
     * A pool serving {@code definition}: its users loaded, a fresh signing key, the custom-auth
     * triggers given (any may be null).
     */
    static RunningPool build(Wiring wiring, PoolDefinition definition, String name, Trigger define, Trigger create,
                             Trigger verify, PoolEngine.SignInTriggerSet signIn, PasswordPolicy policy,
                             ObjectNode settings, boolean fromFile) {
        return build(wiring, definition, name, define, create, verify, signIn, policy, settings, fromFile, null);
    }

    /** As above, signing with {@code signer} (a key kept from an earlier run) unless null. */
    static RunningPool build(Wiring wiring, PoolDefinition definition, String name, Trigger define, Trigger create,
                             Trigger verify, PoolEngine.SignInTriggerSet signIn, PasswordPolicy policy,
                             ObjectNode settings, boolean fromFile, JwtSigner kept) {
        ObjectMapper json = wiring.json();
        Clock clock = wiring.clock();
        PoolLog log = wiring.log();
        SecureRandom random = new SecureRandom();
        SrpPasswords passwords = new SrpPasswords(definition.poolName(), random, clock);
        UserStore users = new UserStore(definition.users().stream().map(user -> load(user, passwords, clock)).toList(),
                Math.max(wiring.limits().usersPerPool(), definition.users().size()), wiring.users());
        SessionStore sessions = new SessionStore(random, clock, wiring.poolLimits().openSessions());
        // The pool file's pool answers its first calls while its key is made; one made at run time has it at once.
        JwtSigner signer = kept != null ? kept : fromFile ? new JwtSigner(json, random) : JwtSigner.madeNow(json, random);
        String issuer = wiring.baseUri() + "/" + definition.poolId();
        DeviceStore devices = new DeviceStore(definition.deviceTracking(), definition.region(), random);
        TriggerInvoker invoker = new TriggerInvoker(definition.poolId(), definition.region(), json, log);
        SignInTriggers signInTriggers = new SignInTriggers(signIn.preAuthentication(), signIn.postAuthentication(),
                signIn.preTokenGeneration(), signIn.preTokenGenerationVersion(), signIn.userMigration(), invoker, log);
        TokenService tokens = new TokenService(json, signer, random, clock, issuer, devices, signInTriggers,
                wiring.poolLimits().refreshGrants());
        CustomAuthTriggers triggers = new CustomAuthTriggers(define, create, verify, invoker, log);
        CodeSender codes = new CodeSender(random, clock, log, wiring.outbox(),
                new CustomMessages(signIn.customMessage(), invoker, log));
        SignInSteps steps = new SignInSteps(json, sessions, passwords, triggers, tokens, devices, definition.mfa(),
                codes, log);
        ClientRegistry clients = new ClientRegistry(definition.clients(),
                Math.max(wiring.limits().clientsPerPool(), definition.clients().size()));
        PoolServices services = new PoolServices(json, clients, users, sessions, steps,
                tokens, devices, definition.signInPolicy(), signInTriggers, random, clock, log);
        String wellKnown = "/" + definition.poolId() + "/.well-known/";
        Map<String, ObjectNode> documents = Map.of(
                wellKnown + "openid-configuration", PoolEngine.openIdConfiguration(json, issuer, wiring.baseUri()));
        return new RunningPool(definition, name, services, passwords, codes, policy, settings, fromFile, documents,
                wellKnown + "jwks.json", wiring.limits().groupsPerPool(), signer, issuer,
                new SignUpTriggers(signIn.preSignUp(), signIn.postConfirmation(), invoker, log));
    }

    private static PoolUser load(UserDefinition user, SrpPasswords passwords, Clock clock) {
        UserDefinition.MfaSettings mfa = user.mfa();
        boolean hasPassword = user.password() != null;
        String password = hasPassword ? user.password() : UUID.randomUUID() + "-" + UUID.randomUUID();
        PoolUser loaded = new PoolUser(user.username(), user.attributes().getOrDefault("sub", UUID.randomUUID().toString()),
                user.attributes(), user.status(), passwords.verifier(user.username(), password), hasPassword,
                mfa.sms(), mfa.email(), mfa.totpSecret(), mfa.preferred(), user.passkeys());
        loaded.stamp(clock.instant());
        return loaded;
    }

    String poolId() {
        return definition.poolId();
    }

    String name() {
        return name;
    }

    String region() {
        return definition.region();
    }

    PoolDefinition definition() {
        return definition;
    }

    PoolServices services() {
        return services;
    }

    SrpPasswords passwords() {
        return passwords;
    }

    CodeSender codes() {
        return codes;
    }

    PasswordPolicy policy() {
        return policy;
    }

    /** What CreateUserPool was given (besides the name and policies), shown back by DescribeUserPool. */
    ObjectNode settings() {
        return settings;
    }

    /** The pool the pool file describes; it outlives DeleteUserPool. */
    boolean fromFile() {
        return fromFile;
    }

    Instant created() {
        return created;
    }

    /** A pool kept from an earlier run (--state) was created then, not now. */
    void createdAt(Instant when) {
        created = when;
    }

    /** The pool's token signer (the identity service checks ID tokens and signs OpenID tokens with it). */
    JwtSigner signer() {
        return signer;
    }

    String issuer() {
        return issuer;
    }

    /** Pre Sign-up and Post Confirmation, either absent. */
    SignUpTriggers signUpTriggers() {
        return signUpTriggers;
    }

    Groups groups() {
        return groups;
    }

    Map<String, ObjectNode> clientSettings() {
        return clientSettings;
    }

    /** The GET document at {@code path} (the JWKS once the signing key is made), or null. */
    ObjectNode document(String path) {
        return path.equals(jwksPath) ? signer.jwks() : documents.get(path);
    }
}
