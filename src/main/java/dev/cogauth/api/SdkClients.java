package dev.cogauth.api;

import java.net.URI;
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
    private SdkClients() {
    }

    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String region, URI endpointOrNull, CallTimeouts timeouts) {
        builder.region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.attempt()))
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.overall()));
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        return builder;
    }

    /** The SDK's own deadline for a try or for the whole call passed (its retries of timed-out tries included). */
    static boolean timedOut(SdkClientException e) {
        return e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
    }
}
