package dev.cogauth.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: the exchange step by step on stderr, and the causes of a failure. */
final class DebugOption {
    @Option(names = "--debug", description = "Show each step on stderr (secrets redacted) and the causes of an error "
            + "(a stack trace only for internal errors).")
    boolean debug;
}
