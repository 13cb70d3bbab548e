package dev.cogauth.cli;

import dev.cogauth.api.AwsCredentials;
import dev.cogauth.config.ConfigException;
import dev.cogauth.config.Profile;
import dev.cogauth.protocol.PoolId;
import dev.cogauth.tokens.CredentialsFormat;
import dev.cogauth.tokens.CredentialsPrinter;
import dev.cogauth.tokens.IdentityCredentials;
import dev.cogauth.tokens.NoIdTokenException;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenEntry;
import dev.cogauth.tokens.TokenType;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "credentials",
        mixinStandardHelpOptions = true,
        description = {
            "Print temporary AWS credentials for the signed-in user from a Cognito identity pool "
                    + "(GetId + GetCredentialsForIdentity), cached until shortly before they expire.",
            "In ~/.aws/config: credential_process = cogauth credentials --profile dev --format process",
        })
final class CredentialsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    DebugOption debug;

    @Mixin
    TimeoutOption timeout;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FormatConverter.class,
            defaultValue = "process",
            description = "process (the AWS credential_process JSON), env (export lines) or json (default: ${DEFAULT-VALUE}).")
    CredentialsFormat format;

    @Option(names = "--identity-pool-id", paramLabel = "ID",
            description = "Identity pool id, e.g. us-east-1:0a1b... (default: the config's or the profile's).")
    String identityPoolId;

    @Option(names = "--identity-endpoint-url", paramLabel = "URL",
            description = "Cognito identity endpoint to use instead of AWS's (default: the sign-in's --endpoint-url).")
    String identityEndpoint;

    @Option(names = "--min-ttl", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "16m",
            description = "Least time cached credentials must have left to be printed again (default: ${DEFAULT-VALUE}; "
                    + "the AWS CLI asks again below 15 minutes). New ones that the pool issues for less are printed"
                    + " with a note.")
    Duration minTtl;

    @Option(names = "--interactive", description = "When a sign-in is needed, sign in on the terminal (/dev/tty) as"
            + " signin does, then print the credentials: for credential_process run by the AWS CLI from a terminal"
            + " (also a profile setting: configure --interactive). Without it (or without a terminal) a needed"
            + " sign-in is exit 4.")
    boolean interactive;

    private final CliContext context;

    CredentialsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        TokenCommands commands = new TokenCommands(context, spec.commandLine().getErr(), debug.debug);
        Target resolved = commands.target(target);
        TokenEntry entry = commands.cache().read(resolved.key()).orElse(null);
        if (entry == null) {
            entry = signInIfAllowed(commands, resolved,
                    new SignInNeededException("no cached sign-in for " + resolved.key().describe()));
        }
        String poolId = identityPoolId(resolved, entry);
        if (!entry.hasIdToken()) {
            throw new NoIdTokenException("an identity pool (GetId, GetCredentialsForIdentity)", entry.key());
        }
        IdentityCredentials identity = new IdentityCredentials(commands.cache(), context.clock(), commands::note);
        Optional<AwsCredentials> cached = identity.cached(entry, poolId, minTtl);
        AwsCredentials credentials;
        if (cached.isPresent()) {
            commands.debug().accept("cached AWS credentials valid until " + cached.get().expiration());
            credentials = cached.get();
        } else {
            try (LazyApis apis = new LazyApis(timeout.timeouts)) {
                TokenEntry fresh;
                try {
                    fresh = commands.freshTokens(resolved, apis).atLeast(resolved.key(), TokenType.ID,
                            Duration.ofMinutes(1));
                } catch (SignInNeededException e) {
                    fresh = signInIfAllowed(commands, resolved, e);
                }
                String region = PoolId.regionOfIdentityPool(poolId);
                String endpoint = identityEndpoint != null ? identityEndpoint : commands.endpoint(resolved, fresh);
                commands.debug().accept("GetId + GetCredentialsForIdentity in " + poolId
                        + (endpoint != null ? " at " + endpoint : ""));
                credentials = identity.exchange(fresh, poolId, minTtl, apis.identity(region, endpoint));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Payload.write(out, CredentialsPrinter.render(format, credentials), "the credentials");
        return ExitCode.OK;
    }

    /** A sign-in on the terminal with --interactive; else the need for one stands (exit 4). */
    private TokenEntry signInIfAllowed(TokenCommands commands, Target resolved, SignInNeededException needed)
            throws ConfigException {
        boolean allowed = interactive || commands.profile(target.profile).map(Profile::interactive).orElse(false);
        if (!allowed) {
            throw needed;
        }
        return new TerminalSignIn(context, commands, timeout.timeouts, spec.commandLine().getErr(), debug.debug)
                .signIn(resolved, needed, "the AWS CLI's credential_process");
    }

    private String identityPoolId(Target resolved, TokenEntry entry) throws ConfigException {
        Optional<String> id = Optional.ofNullable(identityPoolId)
                .or(() -> resolved.config().flatMap(c -> c.identityPoolId()))
                .or(() -> Optional.ofNullable(entry.identityPoolId()));
        if (id.isEmpty()) {
            throw new ConfigException(null, "--identity-pool-id", "no identity pool: give --identity-pool-id, or a"
                    + " config file with CredentialsProvider / identity_pool_id");
        }
        if (!PoolId.isIdentityPool(id.get())) {
            throw new ConfigException(null, "--identity-pool-id", "must look like <region>:<uuid>");
        }
        return id.get();
    }

    static final class FormatConverter implements ITypeConverter<CredentialsFormat> {
        @Override
        public CredentialsFormat convert(String value) {
            try {
                return CredentialsFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
