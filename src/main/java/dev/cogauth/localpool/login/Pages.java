package dev.cogauth.localpool.login;

import dev.cogauth.protocol.Form;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The managed login's pages, rendered from the templates beside this class. */
final class Pages {
    private static final Template SIGN_IN = Template.load("signin.html");
    private static final Template PROVIDER_LINK = Template.load("provider-link.html");
    private static final Template FEDERATED = Template.load("federated.html");
    private static final Template ERROR = Template.load("error.html");

    private Pages() {
    }

    /** The sign-in form; {@code error} is shown above it when not empty. */
    static String signIn(String poolId, String login, String username, String error, List<String> providers) {
        String links = providers.stream()
                .map(provider -> PROVIDER_LINK.render(Map.of("name", provider,
                        "href", "/federated/" + Form.component(provider) + "?login=" + Form.component(login))))
                .collect(Collectors.joining("\n"));
        return SIGN_IN.render(Map.of("pool", poolId, "login", login, "username", username, "error", error,
                "errorHidden", error.isEmpty() ? "hidden" : "", "providers", links));
    }

    static String federated(String provider, String login) {
        return FEDERATED.render(Map.of("provider", provider, "login", login,
                "action", "/federated/" + Form.component(provider)));
    }

    static String error(String error, String description) {
        return ERROR.render(Map.of("error", error, "description", description));
    }
}
