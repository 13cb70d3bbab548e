package dev.cogauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker behind {@link PackageImportsTest}, on small made-up sources: each kind of breach is seen, and only those. */
class ImportRulesTest {
    private static final ImportRules RULES = new ImportRules(Map.of(
            "protocol", Set.of(),
            "localpool", Set.of("protocol"),
            "cli", Set.of("localpool", "protocol")));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an allowed import", sources(
                        "cli/A.java", "package dev.cogauth.cli;\nimport dev.cogauth.localpool.LocalPool;\nclass A {}"),
                        List.of()),
                Arguments.of("an upward import line", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nimport dev.cogauth.cli.Main;\nclass A {}"),
                        List.of("localpool/A.java uses dev.cogauth.cli")),
                Arguments.of("an upward static import", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nimport static dev.cogauth.cli.Main.run;\nclass A {}"),
                        List.of("localpool/A.java uses dev.cogauth.cli")),
                Arguments.of("an upward wildcard import", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nimport dev.cogauth.cli.*;\nclass A {}"),
                        List.of("localpool/A.java uses dev.cogauth.cli")),
                Arguments.of("an upward fully-qualified name in code", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nclass A { int x = dev.cogauth.cli.Main.run(); }"),
                        List.of("localpool/A.java uses dev.cogauth.cli")),
                Arguments.of("a fully-qualified name split by spaces", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nclass A { dev . cogauth.cli\n  .Main m; }"),
                        List.of("localpool/A.java uses dev.cogauth.cli")),
                Arguments.of("names in comments and strings are not uses", sources(
                        "localpool/A.java", """
                                package dev.cogauth.localpool;
                                /** Not {@link dev.cogauth.cli.Main}. */
                                class A { // dev.cogauth.cli.Main
                                    String s = "dev.cogauth.cli.Main \\" dev.cogauth.cli.X";
                                    char c = '"'; /* dev.cogauth.cli.Main */
                                }"""),
                        List.of()),
                Arguments.of("a package outside the rule", sources(
                        "extra/A.java", "package dev.cogauth.extra;\nclass A {}"),
                        List.of("extra/A.java: package extra is not in the rule")),
                Arguments.of("a package and its subpackage using each other by imports", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nimport dev.cogauth.localpool.engine.E;\nclass A {}",
                        "localpool/engine/E.java", "package dev.cogauth.localpool.engine;\nimport dev.cogauth.localpool.A;\nclass E {}"),
                        List.of("package cycle among dev.cogauth.localpool, dev.cogauth.localpool.engine")),
                Arguments.of("the same cycle closed by a fully-qualified name", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nimport dev.cogauth.localpool.engine.E;\nclass A {}",
                        "localpool/engine/E.java", "package dev.cogauth.localpool.engine;\nclass E { dev.cogauth.localpool.A a; }"),
                        List.of("package cycle among dev.cogauth.localpool, dev.cogauth.localpool.engine")),
                Arguments.of("a one-way chain of subpackages", sources(
                        "localpool/A.java", "package dev.cogauth.localpool;\nimport dev.cogauth.localpool.engine.E;\nclass A {}",
                        "localpool/engine/E.java", "package dev.cogauth.localpool.engine;\nimport dev.cogauth.localpool.definition.D;\nclass E {}",
                        "localpool/definition/D.java", "package dev.cogauth.localpool.definition;\nclass D {}"),
                        List.of()),
                Arguments.of("a cycle through three packages", sources(
                        "localpool/a/A.java", "package dev.cogauth.localpool.a;\nimport dev.cogauth.localpool.b.B;\nclass A {}",
                        "localpool/b/B.java", "package dev.cogauth.localpool.b;\nimport dev.cogauth.localpool.c.C;\nclass B {}",
                        "localpool/c/C.java", "package dev.cogauth.localpool.c;\nclass C { dev.cogauth.localpool.a.A a; }"),
                        List.of("package cycle among dev.cogauth.localpool.a, dev.cogauth.localpool.b, dev.cogauth.localpool.c")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void findings(String description, Map<String, String> sources, List<String> expected) {
        assertEquals(expected, RULES.check(sources), description);
    }

    private static Map<String, String> sources(String... fileThenText) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < fileThenText.length; i += 2) {
            sources.put(fileThenText[i], fileThenText[i + 1]);
        }
        return sources;
    }
}
