package dev.cogauth.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** How both SDK adapters build their clients: unsigned, URLConnection, explicit region, the CLI's timeouts. */
final class SdkClients {
    /** Where the SDK's URLConnection client finds a proxy; with none of them set it connects directly. */
    private static final List<String> PROXY_ENV = List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy");
    private static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "https.proxyHost");

    private SdkClients() {
    }

    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String region, URI endpointOrNull, CallTimeouts timeouts) {
        builder.region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.overall()));
        if (opensPlainConnections(endpointOrNull, System.getenv(), System.getProperties())) {
            // The SDK does not close a client it was given; this one holds nothing to close.
            builder.httpClient(UrlConnectionHttpClient.create(uri -> open(uri, timeouts)));
        } else {
            builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                    .connectionTimeout(timeouts.connect())
                    .socketTimeout(timeouts.attempt()));
        }
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        return builder;
    }

    /**
     * Whether cogauth opens the connections itself: for a plain-http endpoint (a local pool, moto) with no proxy
     * configured. The SDK's own URLConnection client then does exactly the same, but first builds a TLS context
     * with the JDK's trust store (about 550 classes, a quarter of a sign-in's CPU time) that plain HTTP never uses.
     * Anything else (AWS's https endpoints, a proxy) keeps the SDK's client, its TLS and proxy handling.
     */
    static boolean opensPlainConnections(URI endpointOrNull, Map<String, String> env, Properties properties) {
        if (endpointOrNull == null || !"http".equalsIgnoreCase(endpointOrNull.getScheme())) {
            return false;
        }
        return PROXY_ENV.stream().map(env::get).allMatch(value -> value == null || value.isEmpty())
                && PROXY_PROPERTIES.stream().map(properties::getProperty).allMatch(value -> value == null || value.isEmpty());
    }

    /** What the SDK's client does for a plain-http URI without a proxy. */
    private static HttpURLConnection open(URI uri, CallTimeouts timeouts) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) timeouts.connect().toMillis());
            connection.setReadTimeout((int) timeouts.attempt().toMillis());
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SDK's own deadline for a try or for the whole call passed (its retries of timed-out tries included). */
    static boolean timedOut(SdkClientException e) {
        return e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
    }
}
