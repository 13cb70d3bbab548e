package dev.cogauth.localpool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The managed login's pages over HTTP as one browser uses them: its own cookies, redirects
 * not followed, so a test reads where the pool sends it. No Origin header unless a test adds one.
 * Cookies are kept by name and sent everywhere (the JDK's CookieManager refuses a cookie whose
 * Path is not the setting request's, which browsers take); Path scoping is BrowserSignInIT's to prove.
 */
final class LoginBrowser {
    static final String CALLBACK = "http://localhost:38511/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final Pattern LOGIN = Pattern.compile("name=\"login\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    LoginBrowser(LocalPool.Running pool) {
        this.base = pool.endpoint().toString();
    }

    String base() {
        return base;
    }

    /** {@code /oauth2/authorize} for {@code client} with PKCE (S256), scope openid email and nonce n0nce. */
    String authorize(String client, String redirect, String state) {
        return base + "/oauth2/authorize?response_type=code&client_id=" + client + "&redirect_uri=" + enc(redirect)
                + "&scope=openid%20email&state=" + state + "&nonce=n0nce&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256";
    }

    HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(uri)));
    }

    /** The cookies this browser holds, by name. */
    Map<String, String> cookies() {
        return cookies;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (set.contains("Max-Age=0")) {
                cookies.remove(pair.substring(0, eq));
            } else {
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return response;
    }

    HttpResponse<String> post(String path, Map<String, String> form, String authorization)
            throws IOException, InterruptedException {
        return authorization == null ? post(path, form, Map.of()) : post(path, form, Map.of("Authorization", authorization));
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return send(request);
    }

    /** The pending sign-in's id in a sign-in page's form. */
    static String login(String page) {
        Matcher m = LOGIN.matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    /** The query fields of a redirect's Location. */
    static Map<String, String> query(HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
