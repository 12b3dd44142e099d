package dev.duijie.talent;

import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import org.jspecify.annotations.Nullable;

/**
 * A profile as one caller may see it: contact data only to the talent and to enterprises the talent applied
 * to (masked for everyone else), the name unless the profile is anonymous to this caller.
 */
public record ProfileView(TalentProfile profile, boolean contactVisible, boolean nameVisible) {

    /**
     * The profile as {@code caller} may see it, or null when it may not see it at all: everything of one's own
     * profile and of a talent connected to the caller's organization (a standing application to one of its
     * needs, or an accepted invitation for one); the public part of others', never a hidden one's; a talent sees
     * no one else's.
     */
    static @Nullable ProfileView seenBy(Caller caller, TalentProfile profile, boolean connected) {
        if (profile.subject().equals(caller.subject()) || connected) {
            return whole(profile);
        }
        if (!caller.has(Role.TALENT) && profile.content().visibility() != Visibility.HIDDEN) {
            return asSeenByOthers(profile);
        }
        return null;
    }

    /** Contact data and name: what the talent and the enterprises it is connected to see. */
    static ProfileView whole(TalentProfile profile) {
        return new ProfileView(profile, true, true);
    }

    /** Contact data masked, the name only if the profile is public. */
    static ProfileView asSeenByOthers(TalentProfile profile) {
        return new ProfileView(profile, false, profile.content().visibility() == Visibility.PUBLIC);
    }

    /**
     * An applicant as the need's owner sees it: everything while the application stands; after a withdrawal
     * what any enterprise sees (nothing of a hidden profile).
     */
    static @Nullable ProfileView applicant(TalentProfile profile, boolean applicationStands) {
        if (applicationStands) {
            return whole(profile);
        }
        return profile.content().visibility() == Visibility.HIDDEN ? null : asSeenByOthers(profile);
    }

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
