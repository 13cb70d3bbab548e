package dev.cogauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

    @Test
    void splitsTheArgumentsIntoCommandsAtEachThen() {
        assertEquals(List.of(List.of("--version"), List.of("signin", "-u", "demo"), List.of("token")),
                TrainingRun.commands("--version", "--then", "signin", "-u", "demo", "--then", "token"));
    }

    @Test
    void dropsEmptyCommands() {
        assertEquals(List.of(List.of("status")), TrainingRun.commands("--then", "--then", "status", "--then"));
        assertEquals(List.of(), TrainingRun.commands());
    }
}
