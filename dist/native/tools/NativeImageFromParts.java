import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The {@code native-image} command of a GraalVM home assembled by graalvm-from-parts.sh. GraalVM's
 * own driver is not published on Maven Central, so this does, for the options a build like the
 * native-maven-plugin's uses, what that driver does: it reads {@code @argfiles}, turns the API
 * options ({@code --no-fallback}, {@code -march=}, {@code -o}, ...) into the builder's
 * {@code -H:} options, passes every {@code META-INF/native-image} folder of the class path (its
 * {@code *-config.json} files and its {@code native-image.properties} Args), and runs GraalVM's
 * builder ({@code NativeImageGeneratorRunner}) on this home's JDK with the module path and
 * module access it needs. An option it does not know is refused, never dropped.
 */
public final class NativeImageFromParts {
    private static final String META_INF = "META-INF/native-image/";

    /** The config files GraalVM's driver passes per folder, and the builder option taking each. */
    private static final Map<String, String> CONFIG_FILES = Map.of(
            "reflect-config.json", "ReflectionConfigurationResources",
            "resource-config.json", "ResourceConfigurationResources",
            "jni-config.json", "JNIConfigurationResources",
            "proxy-config.json", "DynamicProxyConfigurationResources",
            "serialization-config.json", "SerializationConfigurationResources",
            "predefined-classes-config.json", "PredefinedClassesConfigurationResources");

    /** API options that stand for one fixed builder option. */
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("--no-fallback", "-H:FallbackThreshold=0"),
            Map.entry("--install-exit-handlers", "-H:+InstallExitHandlers"),
            Map.entry("--report-unsupported-elements-at-runtime", "-H:+ReportUnsupportedElementsAtRuntime"),
            Map.entry("--allow-incomplete-classpath", "-H:+AllowIncompleteClasspath"),
            Map.entry("--enable-http", "-H:EnableURLProtocols=http"),
            Map.entry("--enable-https", "-H:EnableURLProtocols=https"),
            Map.entry("--enable-all-security-services", "-H:+EnableAllSecurityServices"),
            Map.entry("--native-image-info", "-H:+DumpTargetInfo"),
            Map.entry("--silent", "-H:+BuildOutputSilent"),
            Map.entry("--static", "-H:+StaticExecutable"),
            Map.entry("--shared", "-H:+SharedLibrary"),
            Map.entry("--initialize-at-build-time", "-H:ClassInitialization=:build_time"),
            Map.entry("--verbose", "-H:+TraceNativeToolUsage"),
            Map.entry("-g", "-H:GenerateDebugInfo=2"));

    /** API options taking a value ({@code --name=value}), and the builder option it goes to. */
    private static final Map<String, String> VALUED = Map.ofEntries(
            Map.entry("-march", "-H:MicroArchitecture="),
            Map.entry("--enable-url-protocols", "-H:EnableURLProtocols="),
            Map.entry("--features", "-H:Features="),
            Map.entry("--link-at-build-time", "-H:LinkAtBuildTime="),
            Map.entry("--trace-class-initialization", "-H:TraceClassInitialization="),
            Map.entry("--trace-object-instantiation", "-H:TraceObjectInstantiation="),
            Map.entry("--libc", "-H:UseLibC="),
            Map.entry("--native-compiler-path", "-H:CCompilerPath="),
            Map.entry("--native-compiler-options", "-H:CCompilerOption="),
            Map.entry("--add-exports", "-H:AddExports="),
            Map.entry("--add-opens", "-H:AddOpens="),
            Map.entry("--add-reads", "-H:AddReads="));

    private final Path home;
    private final List<String> classPath = new ArrayList<>();
    private final List<String> builderOptions = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Set<String> processedConfigFolders = new LinkedHashSet<>();
    private String mainClass;
    private String output;

    private NativeImageFromParts(Path home) {
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        NativeImageFromParts driver = new NativeImageFromParts(home);
        try {
            System.exit(driver.run(expandArgFiles(List.of(args))));
        } catch (UsageException e) {
            System.err.println("native-image (from parts): " + e.getMessage());
            System.exit(2);
        }
    }

    private int run(List<String> args) throws IOException, InterruptedException {
        if (args.contains("--version")) {
            printVersion();
            return 0;
        }
        parse(args, false);
        if (mainClass == null) {
            throw new UsageException("no main class given");
        }
        for (String entry : classPath) {
            addMetaInfConfiguration(Path.of(entry));
        }
        List<String> command = builderCommand();
        Process builder = new ProcessBuilder(command).inheritIO().start();
        return builder.waitFor();
    }

    /** In the form native-image 17.0.x prints, which the build tools read to find the JDK's version. */
    private void printVersion() throws IOException {
        String graal = Files.readString(home.resolve("lib/svm/GRAAL_VERSION")).strip();
        String java = System.getProperty("java.version");
        System.out.println("native-image " + java + " " + System.getProperty("java.version.date"));
        System.out.println("GraalVM Runtime Environment GraalVM CE " + java + " (build " + System.getProperty("java.runtime.version")
                + ", assembled from parts with GraalVM " + graal + ")");
        System.out.println("Substrate VM GraalVM CE " + java + " (build " + System.getProperty("java.runtime.version") + ", serial gc)");
    }

    private void parse(List<String> args, boolean fromProperties) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
                classPath.addAll(List.of(value(args, ++i, arg).split(File.pathSeparator)));
            } else if (arg.equals("-o")) {
                output = value(args, ++i, arg);
            } else if (arg.startsWith("-H:") || arg.startsWith("-R:")) {
                builderOptions.add(arg);
            } else if (arg.startsWith("-J")) {
                jvmOptions.add(arg.substring(2));
            } else if (arg.startsWith("-D")) {
                jvmOptions.add(arg);
            } else if (arg.startsWith("--color") || arg.equals("--no-server") || arg.startsWith("-Ob") || arg.equals("--diagnostics-mode")) {
                builderOptions.addAll(cosmetic(arg));
            } else if (arg.startsWith("-O")) {
                builderOptions.add("-H:Optimize=" + arg.substring(2));
            } else if (FIXED.containsKey(arg)) {
                builderOptions.add(FIXED.get(arg));
            } else if (arg.startsWith("--initialize-at-build-time=") || arg.startsWith("--initialize-at-run-time=")) {
                String phase = arg.startsWith("--initialize-at-build-time=") ? ":build_time" : ":run_time";
                for (String name : arg.substring(arg.indexOf('=') + 1).split(",")) {
                    builderOptions.add("-H:ClassInitialization=" + name + phase);
                }
            } else if (arg.contains("=") && VALUED.containsKey(arg.substring(0, arg.indexOf('=')))) {
                builderOptions.add(VALUED.get(arg.substring(0, arg.indexOf('='))) + arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("-")) {
                throw new UsageException("option not supported by this assembled GraalVM: " + arg);
            } else if (!fromProperties && mainClass == null) {
                mainClass = arg;
            } else {
                throw new UsageException("unexpected argument: " + arg);
            }
        }
    }

    /** Options about the build's own output: colour and progress only. */
    private static List<String> cosmetic(String arg) {
        if (arg.equals("--color=always")) {
            return List.of("-H:+BuildOutputColorful");
        }
        if (arg.equals("-Ob")) {
            return List.of("-H:Optimize=b");
        }
        return List.of();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    /**
     * What GraalVM's driver does for every class-path entry: each folder under META-INF/native-image
     * contributes its config files and its native-image.properties Args ({@code ${.}} being the folder).
     */
    private void addMetaInfConfiguration(Path entry) throws IOException {
        Map<String, Map<String, byte[]>> folders = new TreeMap<>();
        if (Files.isDirectory(entry)) {
            Path root = entry.resolve(META_INF);
            if (!Files.isDirectory(root)) {
                return;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = entry.relativize(file).toString().replace(File.separatorChar, '/');
                    addFile(folders, name, Files.readAllBytes(file));
                }
            }
        } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    ZipEntry zip = entries.nextElement();
                    if (!zip.isDirectory() && zip.getName().startsWith(META_INF)) {
                        try (InputStream in = jar.getInputStream(zip)) {
                            addFile(folders, zip.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        for (var folder : folders.entrySet()) {
            String dir = folder.getKey();
            if (!processedConfigFolders.add(dir)) {
                continue;   // the same resource folder in two entries: the builder reads both by name
            }
            byte[] properties = folder.getValue().get("native-image.properties");
            if (properties != null) {
                addPropertiesArgs(dir, new String(properties, StandardCharsets.UTF_8));
            }
            for (var config : CONFIG_FILES.entrySet()) {
                if (folder.getValue().containsKey(config.getKey())) {
                    builderOptions.add("-H:" + config.getValue() + "=" + dir + "/" + config.getKey());
                }
            }
        }
    }

    private static void addFile(Map<String, Map<String, byte[]>> folders, String name, byte[] content) {
        int slash = name.lastIndexOf('/');
        folders.computeIfAbsent(name.substring(0, slash), k -> new TreeMap<>()).put(name.substring(slash + 1), content);
    }

    private void addPropertiesArgs(String dir, String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        String args = properties.getProperty("Args");
        if (args != null) {
            parse(List.of(args.replace("${.}", dir).trim().split("\\s+")), true);
        }
        String javaArgs = properties.getProperty("JavaArgs");
        if (javaArgs != null) {
            jvmOptions.addAll(List.of(javaArgs.trim().split("\\s+")));
        }
    }

    private List<String> builderCommand() throws IOException {
        Path svm = home.resolve("lib/svm");
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/java").toString());
        command.addAll(List.of("-XX:+UseParallelGC", "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "-Xss10m", "-XX:+ExitOnOutOfMemoryError", "-Xshare:off", "-Djava.awt.headless=true"));
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxRAMPercentage"))) {
            command.add("-XX:MaxRAMPercentage=50");   // a share of the machine, as GraalVM's driver takes
        }
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dtruffle.TrustAllTruffleRuntimeProviders=true",
                "-Dtruffle.TruffleRuntime=com.oracle.truffle.api.impl.DefaultTruffleRuntime",
                "-Dgraalvm.ForcePolyglotInvalid=true", "-Dgraalvm.locatorDisabled=true",
                "-Dsubstratevm.HostLibC=glibc", "-Dsubstratevm.IgnoreGraalVersionCheck=true",
                "-Dsubstratevm.reporterchelper.path=" + svm.resolve("builder/lib"),
                "-Dorg.graalvm.vendor=GraalVM from parts",
                "-Dorg.graalvm.version=" + Files.readString(svm.resolve("GRAAL_VERSION")).strip(),
                "-Dcom.oracle.graalvm.isaot=true", "-Dorg.graalvm.nativeimage.imagecode=buildtime",
                "-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader",
                "-Djdk.internal.lambda.disableEagerInitialization=true",
                "--patch-module", "org.graalvm.nativeimage.builder=" + svm.resolve("patches/builder"),
                "--patch-module", "jdk.internal.vm.compiler=" + svm.resolve("patches/compiler"),
                "@" + svm.resolve("builder-module-access.txt"),
                "--add-modules=ALL-DEFAULT",
                "--upgrade-module-path", home.resolve("lib/jvmci/compiler.jar").toString(),
                "--module-path", String.join(File.pathSeparator, builderJars(svm)),
                "-Djdk.module.main=org.graalvm.nativeimage.builder",
                "-m", "org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner",
                "-imagecp", String.join(File.pathSeparator, classPath)));
        command.add("-H:CLibraryPath=" + svm.resolve("clibraries/linux-amd64"));
        Path out = Path.of(output != null ? output : mainClass.substring(mainClass.lastIndexOf('.') + 1).toLowerCase()).toAbsolutePath();
        command.add("-H:Path=" + out.getParent());
        command.add("-H:Name=" + out.getFileName());
        command.add("-H:Class=" + mainClass);
        // GraalVM 23.0 writes absolute relocations into the image heap's read-only section; linked
        // as a PIE (gcc's default on Debian) that is a DT_TEXTREL the dynamic linker resolves at
        // every start by writing into the whole image heap. Linked as a position-dependent
        // executable, the linker resolves them once (GraalVM does the same for musl; later
        // GraalVM releases move those relocations to a writable section instead).
        command.add("-H:NativeLinkerOption=-no-pie");
        command.addAll(builderOptions);
        return command;
    }

    private static List<String> builderJars(Path svm) throws IOException {
        try (Stream<Path> jars = Files.list(svm.resolve("builder"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        }
    }

    /** {@code @file} arguments, read as the java launcher reads them (quotes, # comments, blank lines). */
    static List<String> expandArgFiles(List<String> args) throws IOException {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@") && !arg.startsWith("@@")) {
                expanded.addAll(tokenize(Files.readString(Path.of(arg.substring(1)))));
            } else {
                expanded.add(arg.startsWith("@@") ? arg.substring(1) : arg);
            }
        }
        return expanded;
    }

    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    token.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'f' -> '\f';
                        default -> next;
                    });
                } else {
                    token.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                token = token == null ? new StringBuilder() : token;
            } else if (c == '#' && token == null) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                if (token != null) {
                    tokens.add(token.toString());
                    token = null;
                }
            } else {
                token = token == null ? new StringBuilder() : token;
                token.append(c);
            }
        }
        if (token != null) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
