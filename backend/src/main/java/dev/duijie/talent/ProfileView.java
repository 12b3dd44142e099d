package dev.duijie.talent;

import org.jspecify.annotations.Nullable;

/**
 * A profile as one caller may see it: contact data only to the talent and to enterprises the talent applied
 * to (masked for everyone else), the name unless the profile is anonymous to this caller.
 */
public record ProfileView(TalentProfile profile, boolean contactVisible, boolean nameVisible) {

    public @Nullable String displayName() {
        return nameVisible ? profile.content().displayName() : null;
    }

    public @Nullable String phone() {
        String phone = profile.content().phone();
        return phone == null || contactVisible ? phone : maskPhone(phone);
    }

    public @Nullable String email() {
        String email = profile.content().email();
        return email == null || contactVisible ? email : maskEmail(email);
    }

    /** 13812345678 → 138****5678, as Chinese services show a mobile number; anything shorter → ****. */
    static String maskPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 11 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** zhang.san@example.com → z***@example.com. */
    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
