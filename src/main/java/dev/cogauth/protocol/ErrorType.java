package dev.cogauth.protocol;

/** The {@code __type} names of Cognito errors a sign-in client meets. */
public final class ErrorType {
    public static final String NOT_AUTHORIZED = "NotAuthorizedException";
    public static final String USER_NOT_FOUND = "UserNotFoundException";
    public static final String USER_NOT_CONFIRMED = "UserNotConfirmedException";
    public static final String PASSWORD_RESET_REQUIRED = "PasswordResetRequiredException";
    public static final String CODE_MISMATCH = "CodeMismatchException";
    public static final String EXPIRED_CODE = "ExpiredCodeException";
    public static final String INVALID_PASSWORD = "InvalidPasswordException";
    public static final String INVALID_PARAMETER = "InvalidParameterException";
    public static final String INVALID_LAMBDA_RESPONSE = "InvalidLambdaResponseException";
    public static final String USER_LAMBDA_VALIDATION = "UserLambdaValidationException";
    public static final String UNEXPECTED_LAMBDA = "UnexpectedLambdaException";
    public static final String TOO_MANY_REQUESTS = "TooManyRequestsException";
    /** What AWS's front end answers when a caller exceeds the request rate ("Rate exceeded"). */
    public static final String THROTTLING = "ThrottlingException";
    public static final String LIMIT_EXCEEDED = "LimitExceededException";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    public static final String SOFTWARE_TOKEN_MFA_NOT_FOUND = "SoftwareTokenMFANotFoundException";
    public static final String ENABLE_SOFTWARE_TOKEN_MFA = "EnableSoftwareTokenMFAException";
    public static final String INTERNAL_ERROR = "InternalErrorException";
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";
    public static final String SERIALIZATION = "SerializationException";

    private ErrorType() {
    }
}
