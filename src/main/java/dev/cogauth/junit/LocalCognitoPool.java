package dev.cogauth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a local Cognito user pool on 127.0.0.1 for the annotated test class and hands it to
 * test methods that declare a {@code LocalPool.Running} parameter (see docs/junit.md):
 * <pre>{@code
 * @LocalCognitoPool(poolFile = "src/test/resources/pool.json")
 * class SignInTest {
 *     @Test
 *     void signsIn(LocalPool.Running pool) { ... pool.endpoint() ... pool.clientId() ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalPoolExtension.class)
public @interface LocalCognitoPool {

    /**
     * The pool file (docs/local-pool.md), relative to the working directory (a Maven module's base
     * directory); empty for a pool {@code us-east-1_LocalTest} with one public client
     * {@code localtestclient} and no users.
     */
    String poolFile() default "";

    /** A fresh pool for every test method instead of one for the class. */
    boolean perTest() default false;

    /** Print the pool's steps on stderr (never passwords, answers, sessions or tokens). */
    boolean log() default false;
}
