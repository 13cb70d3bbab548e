package dev.cogauth.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.json.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads the pool config files users already have: awsconfiguration.json (AWSMobileClient),
 * amplifyconfiguration.json (Amplify Android/Swift v1-v2) and amplify_outputs.json (Amplify
 * Gen 2), told apart by content since users rename them.
 */
public final class ConfigFiles {
    /** Far above any real config file; stops {@code --config /dev/zero} from eating memory. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /*
     * Line and column come from the exception's location. INCLUDE_SOURCE_IN_LOCATION stays off:
     * it would quote the file's text, client secret included, into the message.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigFiles() {
    }

    /** Reads and parses {@code file}; messages name the file as the user gave it. */
    public static PoolSettings load(Path file) throws ConfigException {
        return load(file, warning -> { });
    }

    /** Like {@link #load(Path)}, telling {@code warnings} about fields that look misspelt. */
    public static PoolSettings load(Path file, Consumer<String> warnings) throws ConfigException {
        return readLayout(readRoot(file, warnings));
    }

    /** The managed login settings of {@code file}, {@link OAuthSettings#none()} when it has none. */
    public static OAuthSettings loadOAuth(Path file) throws ConfigException {
        return OAuthLayout.read(readRoot(file, warning -> { }));
    }

    private static JsonSection readRoot(Path file, Consumer<String> warnings) throws ConfigException {
        String name = file.toString();
        if (name.isEmpty()) {
            throw new ConfigException(null, null, "the config file path is empty: name a config file");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(name, null, "is a directory, not a config file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file) && !isOpenDescriptor(name)) {
            // Opening a named pipe waits for a writer, maybe forever; a device may never end.
            throw new ConfigException(name, null, "not a regular file (a named pipe, device or socket)");
        }
        byte[] bytes;
        // A stream, not Files.readString: process substitution (--config <(...)) gives a pipe.
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ConfigException(name, null, describe(e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(name, null, "larger than 1 MiB, not a config file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(name, null, "not UTF-8 text");
        }
        return parseRoot(text, name, warnings);
    }

    /** A descriptor the shell has already opened, such as process substitution's {@code --config <(...)}. */
    private static boolean isOpenDescriptor(String name) {
        return name.startsWith("/dev/fd/") || name.startsWith("/proc/self/fd/") || name.equals("/dev/stdin");
    }

    /** Parses the text of a config file; {@code displayName} is the file name used in messages. */
    public static PoolSettings parse(String json, String displayName) throws ConfigException {
        return parse(json, displayName, warning -> { });
    }

    /** Like {@link #parse(String, String)}, telling {@code warnings} about fields that look misspelt. */
    public static PoolSettings parse(String json, String displayName, Consumer<String> warnings)
            throws ConfigException {
        return readLayout(parseRoot(json, displayName, warnings));
    }

    /** Parses the managed login settings from the text of a config file. */
    public static OAuthSettings parseOAuth(String json, String displayName) throws ConfigException {
        return OAuthLayout.read(parseRoot(json, displayName, warning -> { }));
    }

    private static JsonSection parseRoot(String json, String displayName, Consumer<String> warnings)
            throws ConfigException {
        String text = !json.isEmpty() && json.charAt(0) == BYTE_ORDER_MARK ? json.substring(1) : json;
        if (text.isBlank()) {
            throw new ConfigException(displayName, null, "empty file");
        }
        JsonNode root;
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            root = JsonTree.read(parser);
            if (parser.nextToken() != null) {
                throw new ConfigException(displayName, null,
                        "not valid JSON" + where(parser.currentTokenLocation()) + ": more text after the end of the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(displayName, null, describe(e));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        if (!root.isObject()) {
            throw new ConfigException(displayName, null, "must be a JSON object, not " + kindOf(root));
        }
        return JsonSection.root(displayName, (ObjectNode) root, warnings);
    }

    private static PoolSettings readLayout(JsonSection root) throws ConfigException {
        if (root.has("CognitoUserPool")) {
            return MobileClientLayout.read(root);
        }
        if (root.has("auth")) {
            JsonSection auth = root.requiredObject("auth");
            if (auth.has("plugins")) {
                JsonSection plugin = auth.requiredObject("plugins").requiredObject("awsCognitoAuthPlugin");
                return MobileClientLayout.read(plugin);
            }
            return AmplifyOutputsLayout.read(auth);
        }
        throw root.problem("not an awsconfiguration.json, amplifyconfiguration.json or amplify_outputs.json"
                + " (no CognitoUserPool or auth object)");
    }

    /** One line for a read failure, without the stack of causes. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return "cannot be read: " + fse.getReason();
        }
        return "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /**
     * "not valid JSON (line 3, column 5): what the parser says". The parser's text can quote a
     * bad token, which might be an unquoted secret, so that part is left out.
     */
    static String describe(JsonProcessingException e) {
        String what;
        if (e instanceof JsonEOFException) {
            what = "the file ends too early (truncated?)";
        } else {
            what = firstLine(e.getOriginalMessage())
                    .replaceAll("Unrecognized token '[^']*'", "Unrecognized token")
                    // "(for Array starting at [Source: ...])": the line and column given already say where
                    .replaceAll(" \\(for \\w+ starting at \\[Source.*$", "")
                    .replaceAll(" at \\[Source.*$", "");
        }
        return "not valid JSON" + where(e.getLocation()) + ": " + what;
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String kindOf(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
