package dev.cogauth.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.json.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Profiles as one small JSON file each in {@code <config dir>/profiles/NAME.json}. */
public final class ProfileStore {
    private static final String[] FIELDS = {
        "configFile", "userPoolId", "clientId", "region", "endpoint", "authFlow", "username", "identityPoolId",
    };

    /** Whether {@code credentials} may sign in on the terminal (a JSON boolean). */
    private static final String INTERACTIVE = "interactive";

    private final Path dir;

    public ProfileStore(Path configDir) {
        this.dir = configDir.resolve("profiles");
    }

    public Path fileOf(String name) {
        return dir.resolve(name + ".json");
    }

    /** The profile, or empty when there is none by that name. */
    public Optional<Profile> load(String name) throws ConfigException {
        checkName(name);
        Path file = fileOf(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, ConfigFiles.describe(e));
        }
        JsonNode root;
        try {
            root = JsonTree.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "not valid JSON; fix or delete it, or run cogauth configure");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file.toString(), null, "must be a JSON object");
        }
        String[] values = new String[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            JsonNode value = root.get(FIELDS[i]);
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw new ConfigException(file.toString(), FIELDS[i], "must be a string");
            }
            values[i] = value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
        }
        JsonNode interactive = root.get(INTERACTIVE);
        if (interactive != null && !interactive.isNull() && !interactive.isBoolean()) {
            throw new ConfigException(file.toString(), INTERACTIVE, "must be true or false");
        }
        return Optional.of(new Profile(name, values[0], values[1], values[2], values[3], values[4], values[5],
                values[6], values[7], interactive == null || interactive.isNull() ? null : interactive.asBoolean()));
    }

    /** Writes the profile (a temp file renamed over the old one) after checking its settings. */
    public void save(Profile profile) throws ConfigException {
        checkName(profile.name());
        profile.settings();
        String[] values = {
            profile.configFile(), profile.poolId(), profile.clientId(), profile.region(), profile.endpoint(),
            profile.authFlow(), profile.username(), profile.identityPoolId(),
        };
        ObjectNode root = JsonTree.object();
        for (int i = 0; i < FIELDS.length; i++) {
            if (values[i] != null) {
                root.put(FIELDS[i], values[i]);
            }
        }
        if (profile.interactive() != null) {
            root.put(INTERACTIVE, profile.interactive());
        }
        Path file = fileOf(profile.name());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + profile.name() + ".", ".tmp");
            try {
                Files.writeString(temp, JsonTree.pretty(root) + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot be written: " + e.getMessage());
        }
    }

    /** Profile names, sorted, for listings and shell completion. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                names.add(name.substring(0, name.length() - ".json".length()));
            }
        } catch (IOException unreadable) {
            return names;
        }
        Collections.sort(names);
        return names;
    }

    private static void checkName(String name) throws ConfigException {
        Optional<String> problem = Profile.problemWithName(name);
        if (problem.isPresent()) {
            throw new ConfigException(null, "--profile", problem.get());
        }
    }
}
