package dev.cogauth.localpool.engine;

/**
 * CODE_DELIVERY_DESTINATION as Cognito masks it: an email keeps the first letter of its local part
 * and of its domain ({@code a***@e***}), a phone number its last four digits ({@code +*******0123}).
 */
final class CodeDestination {

    private CodeDestination() {
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return "***";
        }
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }

    static String maskPhone(String phone) {
        String digits = phone.startsWith("+") ? phone.substring(1) : phone;
        int shown = Math.min(4, digits.length());
        return "+" + "*".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
    }
}
