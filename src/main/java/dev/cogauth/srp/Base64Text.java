package dev.cogauth.srp;

import java.util.Base64;

/** Decodes base64 received from the other side, with an error that names the field. */
final class Base64Text {

    private Base64Text() {
    }

    static byte[] decode(String text, String name) {
        if (text == null) {
            throw new SrpException(name + " is missing");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SrpException(name + " is not valid base64");
        }
    }
}
