package dev.cogauth.api;

/** AssociateSoftwareToken's answer: the TOTP secret (base32) and the session to continue with. */
public record SoftwareTokenAssociation(String secretCode, String session) {

    @Override
    public String toString() {
        return "SoftwareTokenAssociation[secretCode=***]";
    }
}
