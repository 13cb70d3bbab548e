package dev.cogauth.srp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A remembered device's secrets, as amazon-cognito-identity-js {@code generateHashDevice} makes
 * them: a random device password (40 bytes, base64) and the SRP verifier of that password with
 * the DeviceGroupKey as pool name and the DeviceKey as user id. The client keeps the password and
 * sends the salt and verifier to ConfirmDevice; toString never prints the password.
 */
public record DeviceSecrets(String devicePassword, String saltHex, String verifierHex) {

    private static final int PASSWORD_BYTES = 40;

    public DeviceSecrets {
        if (devicePassword == null || devicePassword.isEmpty()) {
            throw new SrpException("device password is missing");
        }
        requirePaddedHex(saltHex, "device salt");
        requirePaddedHex(verifierHex, "device verifier");
    }

    public static DeviceSecrets generate(String deviceGroupKey, String deviceKey, SecureRandom random) {
        byte[] passwordBytes = new byte[PASSWORD_BYTES];
        random.nextBytes(passwordBytes);
        String password = Base64.getEncoder().encodeToString(passwordBytes);
        SrpVerifier verifier = SrpVerifier.create(deviceGroupKey, deviceKey, password, random);
        return new DeviceSecrets(password, verifier.saltHex(), verifier.verifierHex());
    }

    /** {@code DeviceSecretVerifierConfig.Salt}: base64 of the padded-hex salt bytes. */
    public String saltBase64() {
        return hexToBase64(saltHex);
    }

    /** {@code DeviceSecretVerifierConfig.PasswordVerifier}: base64 of the padded-hex verifier bytes. */
    public String verifierBase64() {
        return hexToBase64(verifierHex);
    }

    @Override
    public String toString() {
        return "DeviceSecrets[devicePassword=(hidden), saltHex=" + saltHex + ", verifierHex=" + verifierHex + "]";
    }

    private static void requirePaddedHex(String hex, String name) {
        PaddedHex.parse(hex, name);
        if (hex.length() % 2 != 0) {
            throw new SrpException(name + " has an odd number of hex digits");
        }
    }

    private static String hexToBase64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }
}
