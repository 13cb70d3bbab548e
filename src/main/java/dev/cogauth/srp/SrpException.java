package dev.cogauth.srp;

/**
 * An SRP value that cannot be used: a public key that is zero modulo N, a zero scrambling
 * parameter, or text that is not the hex or base64 it should be. Messages name the value
 * that is wrong, never its content.
 */
public class SrpException extends RuntimeException {

    public SrpException(String message) {
        super(message);
    }
}
