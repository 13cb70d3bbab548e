package dev.cogauth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import rule, read from source text: which cogauth packages each file uses, by import line
 * or by fully-qualified name anywhere in its code (comments and string literals do not count),
 * checked against the allowed top-level directions, and any cycle between packages, subpackages
 * included (a top-level package may use its own subpackages, but not in both directions).
 * Pure: sources in, findings out.
 */
final class ImportRules {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** {@code dev.cogauth.a.b.Type} or {@code dev.cogauth.a.b.*}: the package is every lower-case segment before the type. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.])dev\\s*\\.\\s*cogauth((?:\\s*\\.\\s*[a-z_][\\w]*)+)\\s*\\.\\s*(?:[A-Z]|\\*)");
    private static final String ROOT = "dev.cogauth";

    private final Map<String, Set<String>> allowed;

    /** @param allowed for each top-level package (the segment after dev.cogauth), the other top-level packages it may use */
    ImportRules(Map<String, Set<String>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    /** The findings for {@code sources} (file name → text), sorted; empty when the rule holds. */
    List<String> check(Map<String, String> sources) {
        List<String> findings = new ArrayList<>();
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Map.Entry<String, String> source : new TreeMap<>(sources).entrySet()) {
            String file = source.getKey();
            String code = withoutCommentsAndStrings(source.getValue());
            Matcher declared = PACKAGE.matcher(code);
            if (!declared.find() || !declared.group(1).startsWith(ROOT + ".")) {
                findings.add(file + ": not in a dev.cogauth package");
                continue;
            }
            String pkg = declared.group(1);
            String top = topLevel(pkg);
            Set<String> mayUse = allowed.get(top);
            if (mayUse == null) {
                findings.add(file + ": package " + top + " is not in the rule");
                continue;
            }
            for (String used : usedPackages(code.substring(declared.end()))) {
                String usedTop = topLevel(used);
                if (!usedTop.equals(top) && !mayUse.contains(usedTop)) {
                    findings.add(file + " uses " + used);
                }
                if (!used.equals(pkg)) {
                    edges.computeIfAbsent(pkg, p -> new TreeSet<>()).add(used);
                }
            }
        }
        for (List<String> cycle : cycles(edges)) {
            findings.add("package cycle among " + String.join(", ", cycle));
        }
        return findings;
    }

    private static Set<String> usedPackages(String code) {
        Set<String> used = new LinkedHashSet<>();
        Matcher reference = REFERENCE.matcher(code);
        while (reference.find()) {
            used.add(ROOT + reference.group(1).replaceAll("\\s", ""));
        }
        return used;
    }

    private static String topLevel(String pkg) {
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted by name. */
    private static List<List<String>> cycles(Map<String, Set<String>> edges) {
        Tarjan tarjan = new Tarjan(edges);
        for (String node : edges.keySet()) {
            if (!tarjan.index.containsKey(node)) {
                tarjan.visit(node);
            }
        }
        tarjan.components.sort(Comparator.comparing(c -> c.get(0)));
        return tarjan.components;
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.add(node);
            for (String next : edges.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.remove(stack.size() - 1);
                    component.add(member);
                } while (!member.equals(node));
                if (component.size() > 1) {
                    component.sort(Comparator.naturalOrder());
                    components.add(component);
                }
            }
        }
    }

    /**
     * The code with comments, string and text-block literals and char literals blanked (newlines
     * kept), so a name mentioned in prose or in a message is not a use.
     */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = blank(source, i, end < 0 ? n : end + 2, out);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && escaped(source, end)) {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                i = blank(source, i, end < 0 ? n : end + 3, out);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = blank(source, i, Math.min(n, j + 1), out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean escaped(String source, int at) {
        int backslashes = 0;
        for (int k = at - 1; k >= 0 && source.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int blank(String source, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
