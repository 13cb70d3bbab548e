package dev.cogauth.config;

import java.util.Optional;
import java.util.StringJoiner;

/**
 * A configuration problem, told in one line: {@code "<source>: <field>: <what is wrong>"}, where
 * the source (a file) and the field are left out when there is none. Values that may be secret
 * never go into the problem text.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final String problem;

    /**
     * @param source the file the problem is in, or null (flags, the combined settings)
     * @param field  the field or flag at fault, or null when the problem is the whole source
     */
    public ConfigException(String source, String field, String problem) {
        this(source, field, problem, null);
    }

    ConfigException(String source, String field, String problem, Throwable cause) {
        super(oneLine(source, field, problem), cause);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** The file the problem is in, as the user named it. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The field ({@code CognitoUserPool.Default.PoolId}) or flag ({@code --pool-id}) at fault. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What is wrong, without source and field. */
    public String problem() {
        return problem;
    }

    private static String oneLine(String source, String field, String problem) {
        StringJoiner line = new StringJoiner(": ");
        if (source != null) {
            line.add(source);
        }
        if (field != null) {
            line.add(field);
        }
        return line.add(problem).toString();
    }
}
