package dev.cogauth.localpool.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.cogauth.localpool.definition.ManagedLoginDefinition;
import dev.cogauth.localpool.engine.PoolLog;
import dev.cogauth.localpool.engine.PoolAccounts;
import dev.cogauth.localpool.engine.PoolEngine;
import dev.cogauth.localpool.trigger.Trigger;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The local pool's managed login (hosted UI) on the pool's own port: {@code /oauth2/authorize}
 * and its sign-in pages, {@code /oauth2/token}, {@code /oauth2/userInfo}, {@code /oauth2/revoke},
 * {@code /logout} and {@code /.well-known/openid-configuration}. It shares the pool's users,
 * clients and token issuer through {@link PoolAccounts}.
 */
public final class ManagedLogin implements HttpHandler {
    /** The paths this handler serves; the pool's API keeps every other one. */
    public static final List<String> PATHS = List.of("/oauth2/", "/login", "/federated/", "/logout",
            "/.well-known/openid-configuration");

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final Duration PAGE_LIFETIME = Duration.ofMinutes(15);
    private static final Duration SESSION_LIFETIME = Duration.ofHours(1);
    /**
     * Pending sign-ins, codes and sessions kept at once, each; beyond it the oldest goes. A pending
     * sign-in holds at most a few KB (see {@link AuthorizeLimits}), so each store stays within ~10 MB.
     */
    static final int CAPACITY = 2_000;

    private final SignInPages pages;
    private final TokenEndpoints endpoints;
    private final String discovery;
    private final PoolLog log;

    /** @param preTokenGeneration the pool's pre token generation trigger (machine-to-machine tokens), or null */
    public ManagedLogin(ManagedLoginDefinition definition, PoolAccounts accounts, String poolId, String baseUri,
                        Clock clock, SecureRandom random, PoolLog log, Trigger preTokenGeneration) {
        ObjectMapper json = new ObjectMapper();
        Codes<IssuedCode> codes = new Codes<>(random, clock, CODE_LIFETIME, CAPACITY);
        this.pages = new SignInPages(definition, accounts, poolId, codes,
                new Codes<>(random, clock, PAGE_LIFETIME, CAPACITY), new Codes<>(random, clock, SESSION_LIFETIME, CAPACITY),
                log);
        this.endpoints = new TokenEndpoints(definition, accounts, codes, json, log,
                new MachineTokenTrigger(preTokenGeneration, poolId, json));
        this.discovery = PoolEngine.openIdConfiguration(json, accounts.issuer(), baseUri).toPrettyString();
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            switch (method + " " + (path.startsWith("/federated/") ? "/federated/" : path)) {
                case "GET /oauth2/authorize" -> pages.authorize(exchange);
                case "POST /login" -> pages.signIn(exchange);
                case "GET /federated/" -> pages.federatedPage(exchange, provider(path));
                case "POST /federated/" -> pages.federatedSignIn(exchange, provider(path));
                case "GET /logout" -> pages.logout(exchange);
                case "POST /oauth2/token" -> endpoints.token(exchange);
                case "GET /oauth2/userInfo", "POST /oauth2/userInfo" -> endpoints.userInfo(exchange);
                case "POST /oauth2/revoke" -> endpoints.revoke(exchange);
                case "GET /.well-known/openid-configuration" -> Http.json(exchange, 200, discovery);
                default -> Http.html(exchange, 404, Pages.error("not_found", method + " " + path
                        + " is not a managed login endpoint of this local pool."));
            }
        } catch (RuntimeException e) {
            log.notice("internal error in the managed login: " + e);
            throw e;
        }
    }

    private static String provider(String path) {
        return path.substring("/federated/".length());
    }
}
