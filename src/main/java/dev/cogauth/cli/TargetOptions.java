package dev.cogauth.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Whose cached sign-in a command acts on: a profile, pool options and a user name, or with
 * none of them the most recent sign-in.
 */
final class TargetOptions {
    @Mixin
    PoolOptions pool;

    @Mixin
    ProfileOption profile;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME",
            description = "Whose tokens (default: the profile's user, else the most recent sign-in).")
    String username;
}
