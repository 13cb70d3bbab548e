import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassVisitor;
import jdk.internal.org.objectweb.asm.ClassWriter;
import jdk.internal.org.objectweb.asm.MethodVisitor;
import jdk.internal.org.objectweb.asm.Opcodes;

/**
 * Makes GraalVM 23.0's class files link against upstream OpenJDK 17u's JVMCI: there
 * {@code jdk.vm.ci.code.StackLockValue.getSlot()} returns {@code Value}, where the JDK GraalVM was
 * built on returns {@code AllocatableValue}. Each such call is rewritten to the 17u descriptor
 * followed by a cast to {@code AllocatableValue} (the value is one in both). Only the classes that
 * call it are written, under OUT_DIR, for {@code --patch-module}; the jar itself is left as it is.
 *
 * <p>Usage: {@code java --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED
 * FixStackLockSlot.java JAR OUT_DIR}; prints how many classes it rewrote.
 */
public final class FixStackLockSlot {
    private static final String OWNER = "jdk/vm/ci/code/StackLockValue";
    private static final String GRAAL_DESCRIPTOR = "()Ljdk/vm/ci/meta/AllocatableValue;";
    private static final String UPSTREAM_DESCRIPTOR = "()Ljdk/vm/ci/meta/Value;";

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: FixStackLockSlot JAR OUT_DIR");
        }
        Path out = Path.of(args[1]);
        int rewritten = 0;
        try (JarFile jar = new JarFile(args[0])) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                byte[] original;
                try (InputStream in = jar.getInputStream(entry)) {
                    original = in.readAllBytes();
                }
                byte[] fixed = rewrite(original);
                if (fixed != null) {
                    Path target = out.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    Files.write(target, fixed);
                    rewritten++;
                }
            }
        }
        System.out.println(rewritten);
    }

    /** The class with its calls rewritten, or null when it has none. */
    static byte[] rewrite(byte[] classFile) {
        // Cheap test first: most classes never name the method's owner.
        if (!new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1).contains(OWNER)) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM8, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM8, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if (owner.equals(OWNER) && method.equals("getSlot") && desc.equals(GRAAL_DESCRIPTOR)) {
                            super.visitMethodInsn(opcode, owner, method, UPSTREAM_DESCRIPTOR, isInterface);
                            super.visitTypeInsn(Opcodes.CHECKCAST, "jdk/vm/ci/meta/AllocatableValue");
                            changed[0] = true;
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        }
                    }
                };
            }
        }, 0);
        // The cast replaces the call's result on the stack: the stack does not grow, the frames stay valid.
        return changed[0] ? writer.toByteArray() : null;
    }
}
