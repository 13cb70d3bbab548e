package dev.cogauth.tokens;

import java.nio.file.Path;
import java.time.Instant;

/** Stores one entry in the cache directory given as argument; run under a chosen umask. */
public final class CacheWriterMain {
    private CacheWriterMain() {
    }

    public static void main(String[] args) {
        new TokenCache(Path.of(args[0]), System.err::println)
                .store(TestTokens.entry(TestTokens.KEY, Instant.parse("2030-01-01T00:00:00Z")));
    }
}
