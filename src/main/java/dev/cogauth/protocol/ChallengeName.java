package dev.cogauth.protocol;

/**
 * Challenge names as Cognito spells them. Plain strings, not an enum: the service may send
 * names this build does not know, and the client must be able to name them in its error.
 */
public final class ChallengeName {
    public static final String SRP_A = "SRP_A";
    public static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
    public static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
    public static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";
    public static final String SMS_MFA = "SMS_MFA";
    public static final String EMAIL_OTP = "EMAIL_OTP";
    public static final String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";
    public static final String SELECT_MFA_TYPE = "SELECT_MFA_TYPE";
    public static final String MFA_SETUP = "MFA_SETUP";
    public static final String DEVICE_SRP_AUTH = "DEVICE_SRP_AUTH";
    public static final String DEVICE_PASSWORD_VERIFIER = "DEVICE_PASSWORD_VERIFIER";
    public static final String SELECT_CHALLENGE = "SELECT_CHALLENGE";
    public static final String SMS_OTP = "SMS_OTP";
    public static final String PASSWORD = "PASSWORD";
    public static final String PASSWORD_SRP = "PASSWORD_SRP";
    public static final String WEB_AUTHN = "WEB_AUTHN";

    private ChallengeName() {
    }
}
