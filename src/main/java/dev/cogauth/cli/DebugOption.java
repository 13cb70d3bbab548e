package dev.cogauth.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: the exchange step by step on stderr, and the causes of a failure. */
final class DebugOption {
    static final String NAME = "--debug";

    @Option(names = NAME, description = "Show each step on stderr (secrets redacted) and the causes of an error "
            + "(a stack trace only for internal errors).")
    boolean debug;
}
