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
        int keep = Math.min(4, phone.length());
        String digits = phone.startsWith("+") ? phone.substring(1) : phone;
        return "+" + "*".repeat(Math.max(0, digits.length() - keep)) + phone.substring(phone.length() - keep);
    }
}
