import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Adapts two of GraalVM 23.0's sources to upstream OpenJDK 17u, whose security classes differ
 * from the JDK GraalVM was built against:
 * <ul>
 * <li>{@code javax.crypto.JceSecurity}'s verification cache is keyed by a {@code WeakIdentityWrapper}
 * (a {@code WeakReference} to the provider, made with a reference queue), not an
 * {@code IdentityWrapper} with an {@code obj} field;</li>
 * <li>{@code java.security.Provider$EngineDescription} holds {@code constructorParameterClass}, a
 * {@code Class}, not {@code constructorParameterClassName}, a {@code String}.</li>
 * </ul>
 * Reads the two files from svm's -sources jar and writes the adapted copies under OUT_DIR (to be
 * compiled into a {@code --patch-module} folder; never kept in the repository). Every edit must
 * match exactly once, so that a different GraalVM fails here, loudly, instead of building wrong.
 *
 * <p>Usage: {@code java PatchSecurityFor17u.java SVM_SOURCES_JAR OUT_DIR}
 */
public final class PatchSecurityFor17u {
    record Edit(String before, String after) {
    }

    record SourceFile(String path, List<Edit> edits) {
    }

    private static final List<SourceFile> FILES = List.of(
            new SourceFile("com/oracle/svm/core/jdk/SecuritySubstitutions.java", List.of(
                    new Edit("innerClass = \"IdentityWrapper\"", "innerClass = \"WeakIdentityWrapper\""),
                    new Edit("""
                                @Alias //
                                Provider obj;

                                @Alias //
                                Target_javax_crypto_JceSecurity_IdentityWrapper(Provider obj) {
                                    this.obj = obj;
                                }
                            """, """
                                @Alias //
                                Target_javax_crypto_JceSecurity_IdentityWrapper(Provider obj, java.lang.ref.ReferenceQueue<Object> queue) {
                                }
                            """),
                    // A key made for a lookup needs no queue: 17u's equals() compares the referents.
                    new Edit("return new Target_javax_crypto_JceSecurity_IdentityWrapper(p);",
                            "return new Target_javax_crypto_JceSecurity_IdentityWrapper(p, null);"))),
            new SourceFile("com/oracle/svm/hosted/SecurityServicesFeature.java", List.of(
                    new Edit("\"constructorParameterClassName\"", "\"constructorParameterClass\""),
                    new Edit("""
                                            String constrParamClassName = (String) consParamClassNameField.get(engineDescription);
                                            if (constrParamClassName != null) {
                                                return loader.findClass(constrParamClassName).get();
                                            }
                            """, """
                                            Class<?> constrParamClass = (Class<?>) consParamClassNameField.get(engineDescription);
                                            if (constrParamClass != null) {
                                                return constrParamClass;
                                            }
                            """),
                    new Edit("\"javax.crypto.JceSecurity$IdentityWrapper\"", "\"javax.crypto.JceSecurity$WeakIdentityWrapper\""),
                    new Edit("Field providerField = ReflectionUtil.lookupField(identityWrapper, \"obj\");",
                            "Field providerField = ReflectionUtil.lookupField(java.lang.ref.Reference.class, \"referent\");")))
    );

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PatchSecurityFor17u SVM_SOURCES_JAR OUT_DIR");
        }
        try (ZipFile sources = new ZipFile(args[0])) {
            for (SourceFile file : FILES) {
                ZipEntry entry = sources.getEntry(file.path());
                if (entry == null) {
                    throw new IllegalStateException(file.path() + " is not in " + args[0]);
                }
                String text = new String(sources.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                for (Edit edit : file.edits()) {
                    text = replaceOnce(text, edit, file.path());
                }
                Path out = Path.of(args[1]).resolve(file.path());
                Files.createDirectories(out.getParent());
                Files.writeString(out, text);
            }
        }
    }

    private static String replaceOnce(String text, Edit edit, String path) {
        int at = text.indexOf(edit.before());
        if (at < 0 || text.indexOf(edit.before(), at + 1) >= 0) {
            throw new IllegalStateException(path + ": expected exactly one occurrence of: " + edit.before().strip());
        }
        return text.substring(0, at) + edit.after() + text.substring(at + edit.before().length());
    }
}
