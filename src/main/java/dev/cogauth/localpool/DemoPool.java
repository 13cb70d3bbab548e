package dev.cogauth.localpool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogauth.localpool.builtin.BuiltinTriggers;
import dev.cogauth.localpool.definition.ClientDefinition;
import dev.cogauth.localpool.definition.ManagedLoginDefinition;
import dev.cogauth.localpool.definition.PoolDefinition.DeviceTracking;
import dev.cogauth.localpool.definition.PoolDefinition.MfaMode;
import dev.cogauth.localpool.definition.PoolDefinition.SignInPolicy;
import dev.cogauth.localpool.definition.PoolDefinition.TriggerDefinitions;
import dev.cogauth.localpool.definition.PoolDefinition;
import dev.cogauth.localpool.definition.TriggerDefinition;
import dev.cogauth.localpool.definition.UserDefinition.MfaSettings;
import dev.cogauth.localpool.definition.UserDefinition.UserStatus;
import dev.cogauth.localpool.definition.UserDefinition;
import java.util.List;
import java.util.Map;

/**
 * The pool served without {@code --pool}: user {@code demo}, a public client allowing every
 * flow, and a custom flow that checks the password by SRP, then asks "What is 6 times 7?" (42),
 * three tries. User {@code demo-email} has no password: choice-based sign-in ({@code USER_AUTH})
 * sends a code to their email, shown in the pool's log.
 */
public final class DemoPool {

    public static final String POOL_ID = "us-east-1_LocalDemo";
    public static final String CLIENT_ID = "cogauthdemoclient";
    public static final String USERNAME = "demo";
    public static final String PASSWORD = "Demo-Passw0rd!";
    public static final String EMAIL = "demo@example.com";
    public static final String CODE_USERNAME = "demo-email";
    public static final String CODE_EMAIL = "demo-email@example.com";

    private DemoPool() {
    }

    public static PoolDefinition definition() {
        UserDefinition demo = new UserDefinition(USERNAME, PASSWORD, UserStatus.CONFIRMED, MfaSettings.NONE,
                Map.of("email", EMAIL, "email_verified", "true"));
        UserDefinition byCode = new UserDefinition(CODE_USERNAME, null, UserStatus.CONFIRMED, MfaSettings.NONE,
                Map.of("email", CODE_EMAIL, "email_verified", "true"));
        ObjectNode options = JsonNodeFactory.instance.objectNode()
                .put("question", BuiltinTriggers.DEMO_QUESTION)
                .put("answer", BuiltinTriggers.DEMO_ANSWER)
                .put("maxTries", 3);
        TriggerDefinition question = new TriggerDefinition.Builtin("demo-question", options);
        return new PoolDefinition(POOL_ID, "us-east-1", MfaMode.OPTIONAL,
                List.of(ClientDefinition.publicClient(CLIENT_ID)), List.of(demo, byCode),
                new TriggerDefinitions(question, question, question, TriggerDefinitions.DEFAULT_TIMEOUT),
                DeviceTracking.OFF, new SignInPolicy(List.of("PASSWORD", "EMAIL_OTP")), ManagedLoginDefinition.none());
    }
}
