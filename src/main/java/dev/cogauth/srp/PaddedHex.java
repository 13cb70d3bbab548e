package dev.cogauth.srp;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Cognito's {@code pad(x)}: the hex of a non-negative integer, even length, with a {@code 00}
 * prefix when the first nibble is 8–f so the bytes never read as negative. Those are exactly the
 * bytes of {@link BigInteger#toByteArray()}.
 */
public final class PaddedHex {

    private static final HexFormat HEX = HexFormat.of();

    private PaddedHex() {
    }

    public static String of(BigInteger value) {
        return HEX.formatHex(bytes(value));
    }

    public static byte[] bytes(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("pad is defined for non-negative integers only");
        }
        return value.toByteArray();
    }

    /** Reads unsigned hex as Cognito sends it (any case, any length, no sign). */
    public static BigInteger parse(String hex) {
        return parse(hex, "value");
    }

    /** Like {@link #parse(String)}; {@code name} (e.g. {@code SRP_B}) goes into the error message. */
    public static BigInteger parse(String hex, String name) {
        if (hex == null || hex.isEmpty()) {
            throw new SrpException(name + " is missing");
        }
        for (int i = 0; i < hex.length(); i++) {
            // ASCII only: BigInteger alone would also take a sign and non-Latin digits
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                throw new SrpException(name + " is not a hexadecimal number");
            }
        }
        return new BigInteger(hex, 16);
    }
}
