package dev.cogauth.junit;

import dev.cogauth.localpool.LocalPool;
import dev.cogauth.localpool.PoolFileException;
import dev.cogauth.localpool.engine.PoolLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalCognitoPool}: one local pool per test class (or per
 * test), started on a free port before the tests and stopped after them, handed to any test or
 * lifecycle method parameter of type {@link LocalPool.Running}. Registered programmatically, it
 * takes a builder's settings instead of the annotation's:
 * <pre>{@code
 * @RegisterExtension
 * static LocalPoolExtension cognito = LocalPoolExtension.with(pool -> pool.client("web").user("alice", "Passw0rd!"));
 * }</pre>
 * A thin edge over {@link LocalPool#builder()}; JUnit is an optional dependency of cogauth, needed
 * only by tests that use this.
 */
public final class LocalPoolExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPoolExtension.class);
    private static final String KEY = "pool";

    private final Consumer<LocalPool.Builder> settings;
    private final boolean perTest;
    private LocalPool.Running current;

    /** As {@code @LocalCognitoPool} registers it: the settings come from the annotation. */
    public LocalPoolExtension() {
        this(null, false);
    }

    private LocalPoolExtension(Consumer<LocalPool.Builder> settings, boolean perTest) {
        this.settings = settings;
        this.perTest = perTest;
    }

    /** One pool for the class, made by {@code settings} from {@link LocalPool#builder()}. */
    public static LocalPoolExtension with(Consumer<LocalPool.Builder> settings) {
        return new LocalPoolExtension(Objects.requireNonNull(settings, "settings"), false);
    }

    /** A fresh pool for every test, made by {@code settings}. */
    public static LocalPoolExtension perTest(Consumer<LocalPool.Builder> settings) {
        return new LocalPoolExtension(Objects.requireNonNull(settings, "settings"), true);
    }

    /** The pool of the running test class (or test), for a field-registered extension. */
    public LocalPool.Running pool() {
        if (current == null) {
            throw new IllegalStateException("no local pool is running: the extension starts one before the tests");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean ownAnnotation = AnnotationSupport.isAnnotated(context.getRequiredTestClass(), LocalCognitoPool.class);
        if (settings == null && !ownAnnotation && context.getStore(NAMESPACE).get(KEY) != null) {
            return; // a @Nested class shares its enclosing class's pool
        }
        if (!perTest(context)) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest(context)) {
            start(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPool.Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = context.getStore(NAMESPACE).get(KEY, Started.class);
        if (started == null) {
            throw new ExtensionConfigurationException("no local pool for " + context.getDisplayName()
                    + ": with perTest, only test methods (and @BeforeEach) can take the pool");
        }
        return started.pool();
    }

    private boolean perTest(ExtensionContext context) {
        if (settings != null) {
            return perTest;
        }
        return annotation(context).perTest();
    }

    /** The class's annotation, or its nearest enclosing class's (for @Nested classes). */
    private static LocalCognitoPool annotation(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<LocalCognitoPool> found = AnnotationSupport.findAnnotation(type, LocalCognitoPool.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException(
                "LocalPoolExtension needs @LocalCognitoPool on the class, or LocalPoolExtension.with(...)");
    }

    private void start(ExtensionContext context) {
        LocalPool.Builder builder = LocalPool.builder();
        if (settings != null) {
            settings.accept(builder);
        } else {
            LocalCognitoPool annotation = annotation(context);
            if (!annotation.poolFile().isEmpty()) {
                try {
                    builder.poolFile(Path.of(annotation.poolFile()));
                } catch (PoolFileException e) {
                    throw new ExtensionConfigurationException(e.getMessage(), e);
                }
            }
            if (annotation.log()) {
                builder.log(PoolLog.to(line -> System.err.println("local-pool: " + line), true));
            }
        }
        try {
            LocalPool.Running pool = builder.start();
            current = pool;
            context.getStore(NAMESPACE).put(KEY, new Started(pool));
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot start the local pool: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("the local pool's settings: " + e.getMessage(), e);
        }
    }

    /** Stops the pool when JUnit closes the store it lives in (after the class, or after the test). */
    private record Started(LocalPool.Running pool) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            pool.close();
        }
    }
}
