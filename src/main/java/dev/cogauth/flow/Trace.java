package dev.cogauth.flow;

/**
 * Where {@code --debug} steps go. Callers pass only what is safe to print: names of
 * parameters, public challenge parameters, timings; never passwords, answers, sessions or tokens.
 */
@FunctionalInterface
public interface Trace {
    Trace NONE = message -> { };

    void step(String message);
}
