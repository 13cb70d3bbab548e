package dev.cogauth.protocol;

/** Keys of AuthParameters, ChallengeParameters and ChallengeResponses. */
public final class Param {
    public static final String USERNAME = "USERNAME";
    public static final String PASSWORD = "PASSWORD";
    public static final String NEW_PASSWORD = "NEW_PASSWORD";
    public static final String SRP_A = "SRP_A";
    public static final String SRP_B = "SRP_B";
    public static final String SALT = "SALT";
    public static final String SECRET_BLOCK = "SECRET_BLOCK";
    public static final String USER_ID_FOR_SRP = "USER_ID_FOR_SRP";
    public static final String CHALLENGE_NAME = "CHALLENGE_NAME";
    public static final String PASSWORD_CLAIM_SECRET_BLOCK = "PASSWORD_CLAIM_SECRET_BLOCK";
    public static final String PASSWORD_CLAIM_SIGNATURE = "PASSWORD_CLAIM_SIGNATURE";
    public static final String TIMESTAMP = "TIMESTAMP";
    public static final String SECRET_HASH = "SECRET_HASH";
    public static final String DEVICE_KEY = "DEVICE_KEY";
    public static final String ANSWER = "ANSWER";
    public static final String REFRESH_TOKEN = "REFRESH_TOKEN";
    public static final String SMS_MFA_CODE = "SMS_MFA_CODE";
    public static final String EMAIL_OTP_CODE = "EMAIL_OTP_CODE";
    public static final String SOFTWARE_TOKEN_MFA_CODE = "SOFTWARE_TOKEN_MFA_CODE";
    public static final String MFAS_CAN_CHOOSE = "MFAS_CAN_CHOOSE";
    public static final String MFAS_CAN_SETUP = "MFAS_CAN_SETUP";
    public static final String CODE_DELIVERY_DESTINATION = "CODE_DELIVERY_DESTINATION";
    public static final String CODE_DELIVERY_DELIVERY_MEDIUM = "CODE_DELIVERY_DELIVERY_MEDIUM";
    public static final String PREFERRED_CHALLENGE = "PREFERRED_CHALLENGE";
    public static final String SMS_OTP_CODE = "SMS_OTP_CODE";
    public static final String CREDENTIAL_REQUEST_OPTIONS = "CREDENTIAL_REQUEST_OPTIONS";
    public static final String CREDENTIAL = "CREDENTIAL";
    public static final String USER_ATTRIBUTES = "userAttributes";
    public static final String REQUIRED_ATTRIBUTES = "requiredAttributes";
    /** Prefix of required-attribute keys in a NEW_PASSWORD_REQUIRED response. */
    public static final String USER_ATTRIBUTES_PREFIX = "userAttributes.";

    private Param() {
    }
}
