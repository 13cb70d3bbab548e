import java.lang.module.ModuleDescriptor;
import java.util.TreeSet;

/**
 * Prints, as a java launcher @argfile, an --add-exports and an --add-opens line for every package
 * of every JDK module in the boot layer, to GraalVM's builder modules and the class path. GraalVM's
 * driver grants the builder this access (it reflects on and substitutes JDK internals). Run it with
 * the builder's modules resolved as when it builds, so the list matches the JDK that runs it.
 *
 * <p>Usage: {@code java --upgrade-module-path COMPILER_JAR --module-path BUILDER_JARS
 * --add-modules org.graalvm.nativeimage.builder,ALL-DEFAULT -cp DIR ModuleAccess}
 */
public final class ModuleAccess {
    private static final String TARGETS = String.join(",", "org.graalvm.nativeimage.base", "org.graalvm.nativeimage.builder",
            "org.graalvm.nativeimage.pointsto", "org.graalvm.nativeimage.objectfile", "jdk.internal.vm.compiler",
            "org.graalvm.sdk", "org.graalvm.truffle", "ALL-UNNAMED");

    public static void main(String[] args) {
        TreeSet<String> packages = new TreeSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            ModuleDescriptor descriptor = module.getDescriptor();
            if (descriptor.name().startsWith("org.graalvm") || descriptor.name().equals("jdk.internal.vm.compiler")) {
                continue;
            }
            for (String pkg : descriptor.packages()) {
                packages.add(descriptor.name() + "/" + pkg);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String pkg : packages) {
            out.append("--add-exports=").append(pkg).append('=').append(TARGETS).append('\n');
            out.append("--add-opens=").append(pkg).append('=').append(TARGETS).append('\n');
        }
        System.out.print(out);
    }
}
