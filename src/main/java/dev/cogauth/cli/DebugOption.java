package dev.cogauth.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: the exchange step by step on stderr, and stack traces for failures. */
final class DebugOption {
    @Option(names = "--debug", description = "Show each step on stderr (secrets redacted) and stack traces of errors.")
    boolean debug;
}
