package dev.cogauth.localpool.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the pool's managed login shares with its API: the app clients, the users (passwords
 * checked against their verifiers) and the token issuer, so tokens from either refresh, revoke
 * and sign out alike. The managed login's door into the engine; it never sees operations.
 */
public final class PoolAccounts {
    private final ObjectMapper json;
    private final ClientRegistry clients;
    private final UserStore users;
    private final SrpPasswords passwords;
    private final TokenService tokens;
    private final SecureRandom random;

    PoolAccounts(ObjectMapper json, ClientRegistry clients, UserStore users, SrpPasswords passwords,
                 TokenService tokens, SecureRandom random) {
        this.random = random;
        this.json = json;
        this.clients = clients;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    /** The issuer of the pool's tokens, e.g. {@code http://127.0.0.1:9229/us-east-1_Local}. */
    public String issuer() {
        return tokens.issuer();
    }

    public Optional<ClientDefinition> client(String clientId) {
        try {
            return Optional.of(clients.find(clientId));
        } catch (CognitoError unknown) {
            return Optional.empty();
        }
    }

    /** A client's secret as sent (HTTP Basic or form), compared in constant time. */
    public static boolean secretMatches(ClientDefinition client, String secret) {
        return !client.hasSecret() || (secret != null && MessageDigest.isEqual(
                client.clientSecret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The pool's name for the user when {@code password} is theirs and they may sign in with it
     * alone; else the message the sign-in page shows, worded as Cognito's.
     */
    public PasswordCheck checkPassword(String name, String password) {
        Optional<PoolUser> user = users.find(name);
        try {
            if (user.isEmpty() || !passwords.matches(user.get(), password)) {
                return PasswordCheck.refused("Incorrect username or password.");
            }
        } catch (CognitoError lockedOut) {
            return PasswordCheck.refused(lockedOut.getMessage());
        }
        if (user.get().status() != UserStatus.CONFIRMED) {
            return PasswordCheck.refused("User is " + user.get().status() + "; the local pool's managed login only"
                    + " signs in confirmed users.");
        }
        if (!SignInSteps.mfaMethods(user.get()).isEmpty()) {
            return PasswordCheck.refused("This user has MFA, which the local pool's managed login does not ask for;"
                    + " sign in with cogauth signin instead.");
        }
        return new PasswordCheck(Optional.of(user.get().username()), null);
    }

    /** The outcome of {@link #checkPassword}: the user's pool name, or why not. */
    public record PasswordCheck(Optional<String> username, String problem) {
        static PasswordCheck refused(String problem) {
            return new PasswordCheck(Optional.empty(), problem);
        }
    }

    /**
     * The user a federated sign-in stands for, created on first sign-in as Cognito does: named
     * {@code PROVIDER_subject}, with the provider's attributes and an {@code identities} attribute.
     */
    public String federatedUser(String provider, String providerType, String subject, Map<String, String> attributes) {
        String username = provider + "_" + subject;
        Map<String, String> all = new LinkedHashMap<>(attributes);
        ObjectNode identity = json.createObjectNode()
                .put("userId", subject).put("providerName", provider).put("providerType", providerType)
                .putNull("issuer").put("primary", "true")
                .put("dateCreated", String.valueOf(Instant.now().toEpochMilli()));
        all.put(PoolUser.IDENTITIES, json.createArrayNode().add(identity).toString());
        byte[] unusable = new byte[32];
        random.nextBytes(unusable);
        PoolUser user = new PoolUser(username, UUID.randomUUID().toString(), all, UserStatus.CONFIRMED,
                passwords.verifier(username, Base64.getEncoder().encodeToString(unusable)), false, false, false, null, null,
                List.of());
        return users.addIfAbsent(user).username();
    }

    /**
     * The token endpoint's answer for a signed-in user: {@code id_token} (when {@code scopes} has openid),
     * {@code access_token}, {@code refresh_token}, {@code expires_in}, {@code token_type}.
     */
    public ObjectNode issue(String username, ClientDefinition client, List<String> scopes, String nonce) {
        PoolUser user = users.find(username).orElseThrow(() -> new IllegalStateException("no user " + username));
        return oauthShape(tokens.signIn(user, client, null, false, String.join(" ", scopes), nonce,
                SignInTriggers.TokenSource.HOSTED_AUTH));
    }

    /** The client_credentials grant's answer: {@code access_token}, {@code expires_in}, {@code token_type}. */
    public ObjectNode issueToClient(ClientDefinition client, List<String> scopes,
                                    Map<String, JsonNode> claimsToAdd,
                                    Set<String> claimsToSuppress) {
        return tokens.clientCredentials(client, String.join(" ", scopes), claimsToAdd, claimsToSuppress);
    }

    /** The refresh_token grant: new ID (as the sign-in had one) and access tokens; empty for a refresh token the pool refuses. */
    public Optional<ObjectNode> refresh(ClientDefinition client, String refreshToken) {
        try {
            return Optional.of(oauthShape(tokens.refresh(client, refreshToken, client.refreshTokenRotation(), null)));
        } catch (CognitoError refused) {
            return Optional.empty();
        }
    }

    /** Revokes a refresh token; false when it was issued to another client. */
    public boolean revoke(ClientDefinition client, String refreshToken) {
        try {
            tokens.revoke(client, refreshToken);
            return true;
        } catch (CognitoError otherClient) {
            return false;
        }
    }

    /** The attributes of the user of a valid access token (userInfo), with {@code username}. */
    public Optional<ObjectNode> userInfo(String accessToken) {
        try {
            PoolUser user = tokens.accessTokenUser(accessToken, users);
            ObjectNode info = json.createObjectNode();
            user.attributes().forEach((name, value) -> {
                if (!name.equals(PoolUser.IDENTITIES)) {
                    info.put(name, value);
                }
            });
            return Optional.of(info.put("username", user.username()));
        } catch (CognitoError invalid) {
            return Optional.empty();
        }
    }

    private ObjectNode oauthShape(ObjectNode result) {
        ObjectNode answer = json.createObjectNode();
        // None for a managed login sign-in without openid (TokenService).
        if (result.hasNonNull("IdToken")) {
            answer.put("id_token", result.get("IdToken").asText());
        }
        answer.put("access_token", result.get("AccessToken").asText());
        if (result.hasNonNull("RefreshToken")) {
            answer.put("refresh_token", result.get("RefreshToken").asText());
        }
        return answer.put("expires_in", result.get("ExpiresIn").asLong()).put("token_type", "Bearer");
    }
}
