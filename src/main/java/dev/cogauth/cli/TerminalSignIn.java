package dev.cogauth.cli;

import dev.cogauth.api.CallTimeouts;
import dev.cogauth.config.ConfigException;
import dev.cogauth.config.ConfigFiles;
import dev.cogauth.config.PoolConfig;
import dev.cogauth.config.PoolConfigResolver;
import dev.cogauth.config.PoolSettings;
import dev.cogauth.flow.Trace;
import dev.cogauth.tokens.SignInNeededException;
import dev.cogauth.tokens.TokenEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A sign-in on the terminal ({@code /dev/tty}) when the program running cogauth allows it (kubectl's
 * {@code spec.interactive}, {@code credentials --interactive}) and no usable tokens are cached: the
 * exchange signin runs, with every question and message on the terminal and none on stdout, which
 * stays the caller's. Without a terminal the need for a sign-in stands.
 */
final class TerminalSignIn {
    private final CliContext context;
    private final TokenCommands commands;
    private final CallTimeouts timeouts;
    private final PrintWriter err;
    private final boolean debug;

    TerminalSignIn(CliContext context, TokenCommands commands, CallTimeouts timeouts, PrintWriter err, boolean debug) {
        this.context = context;
        this.commands = commands;
        this.timeouts = timeouts;
        this.err = err;
        this.debug = debug;
    }

    /**
     * Signs the target's user in on the terminal and caches the tokens.
     *
     * @param needed why a sign-in is needed; thrown again when there is no terminal
     */
    TokenEntry signIn(Target target, SignInNeededException needed, String caller) throws ConfigException {
        Optional<TtyPrompter> terminal = TtyPrompter.open();
        if (terminal.isEmpty()) {
            throw new SignInNeededException(needed.getMessage() + " (no terminal to sign in on)");
        }
        PoolConfig config = poolConfig(target);
        Optional<TokenEntry> cached = commands.cache().read(target.key());
        String username = cached.map(TokenEntry::signInName).orElse(target.key().username());
        String configFile = cached.map(TokenEntry::configFile).orElse(null);
        try (TtyPrompter prompter = terminal.get()) {
            prompter.show("cogauth: " + caller + " needs a sign-in: " + needed.getMessage());
            prompter.show("Signing in as " + username + " to " + config.poolId() + " (Ctrl-C to cancel)");
            Trace trace = debug ? message -> err.println("debug: " + message) : Trace.NONE;
            ExchangeSignIn.Result result = new ExchangeSignIn(context, commands, trace, err, timeouts, false, false)
                    .signIn(config, username, Map.of(), Optional.empty(), Optional.empty(), prompter);
            TokenEntry entry = SignedInEntry.store(commands, config, configFile, username, result.tokens(),
                    context.clock().instant(), result.device(), null, err)
                    .orElseThrow(() -> new SignInNeededException("the sign-in gave no ID token naming the user"));
            prompter.show("Signed in.");
            return entry;
        }
    }

    /**
     * The pool to sign in to: the config the target was named through, else the cached entry's pool,
     * with its config file (auth flow, client secret) when it had one.
     */
    private PoolConfig poolConfig(Target target) throws ConfigException {
        if (target.config().isPresent()) {
            return target.config().get();
        }
        Optional<TokenEntry> cached = commands.cache().read(target.key());
        PoolSettings fromFile = cached.map(TokenEntry::configFile).isPresent()
                ? ConfigFiles.load(Path.of(cached.get().configFile())) : PoolSettings.empty();
        String endpoint = target.endpoint().or(() -> cached.map(TokenEntry::endpoint)).orElse(null);
        PoolSettings fromKey = PoolSettings.fromFlags(target.key().poolId(), target.key().clientId(),
                target.key().region(), endpoint, null, cached.map(TokenEntry::identityPoolId).orElse(null));
        return PoolConfigResolver.resolve(fromFile, fromKey, context.env());
    }
}
