package dev.duijie.talent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A talent's personal data as each caller sees it: contact data only to the talent and to enterprises the talent
 * is connected to (masked for everyone else), the name unless the profile is anonymous, hidden profiles to
 * nobody else.
 */
class ProfileViewTest {

    private static final Caller OWN = new Caller("talent-sub", Set.of(Role.TALENT), null);
    private static final Caller OTHER_TALENT = new Caller("other-talent", Set.of(Role.TALENT), null);
    private static final Caller ENTERPRISE = new Caller("firm-user", Set.of(Role.ENTERPRISE), UUID.randomUUID());
    private static final Caller BUREAU = new Caller("bureau", Set.of(Role.TALENT_BUREAU), UUID.randomUUID());
    private static final Caller REGULATOR = new Caller("regulator", Set.of(Role.REGULATOR), UUID.randomUUID());

    @Test
    void givenAPublicProfile_whenTheBureauTheRegulatorOrAnUnconnectedEnterpriseLooks_thenTheNameButContactDataMasked() {
        TalentProfile profile = profile(Visibility.PUBLIC, "13812345678", "zhang.san@example.com");

        for (Caller other : List.of(BUREAU, REGULATOR, ENTERPRISE)) {
            ProfileView view = ProfileView.seenBy(other, profile, false);

            assertThat(view).as(other.subject()).isNotNull();
            assertThat(view.displayName()).isEqualTo("张三");
            assertThat(view.phone()).isEqualTo("138****5678");
            assertThat(view.email()).isEqualTo("z***@example.com");
        }
    }

    @Test
    void givenAnAnonymousProfile_whenOthersLook_thenNeitherNameNorContactData() {
        ProfileView view = ProfileView.seenBy(
                BUREAU, profile(Visibility.ANONYMOUS, "13812345678", "zhang.san@example.com"), false);

        assertThat(view).isNotNull();
        assertThat(view.displayName()).isNull();
        assertThat(view.phone()).isEqualTo("138****5678");
        assertThat(view.email()).isEqualTo("z***@example.com");
    }

    @Test
    void givenAHiddenProfile_whenAnyoneUnconnectedLooks_thenItIsNotThere() {
        TalentProfile hidden = profile(Visibility.HIDDEN, "13812345678", "zhang.san@example.com");

        for (Caller other : List.of(BUREAU, REGULATOR, ENTERPRISE, OTHER_TALENT)) {
            assertThat(ProfileView.seenBy(other, hidden, false))
                    .as(other.subject())
                    .isNull();
        }
    }

    @Test
    void givenAnotherTalentsPublicProfile_whenATalentLooks_thenItIsNotThere() {
        assertThat(ProfileView.seenBy(OTHER_TALENT, profile(Visibility.PUBLIC, "13812345678", null), false))
                .isNull();
    }

    @Test
    void givenTheTalentOrAnEnterpriseItAppliedTo_whenLooking_thenEverythingEvenOfAHiddenProfile() {
        TalentProfile hidden = profile(Visibility.HIDDEN, "13812345678", "zhang.san@example.com");

        for (ProfileView view :
                List.of(ProfileView.seenBy(OWN, hidden, false), ProfileView.seenBy(ENTERPRISE, hidden, true))) {
            assertThat(view).isNotNull();
            assertThat(view.displayName()).isEqualTo("张三");
            assertThat(view.phone()).isEqualTo("13812345678");
            assertThat(view.email()).isEqualTo("zhang.san@example.com");
        }
    }

    @Test
    void givenAnApplicant_whenTheApplicationIsWithdrawn_thenTheNeedsOwnerSeesWhatAnyEnterpriseSees() {
        TalentProfile open = profile(Visibility.PUBLIC, "13812345678", null);
        TalentProfile hidden = profile(Visibility.HIDDEN, "13812345678", null);

        assertThat(ProfileView.applicant(open, true).phone()).isEqualTo("13812345678");
        assertThat(ProfileView.applicant(hidden, true).phone()).isEqualTo("13812345678");
        assertThat(ProfileView.applicant(open, false).phone()).isEqualTo("138****5678");
        assertThat(ProfileView.applicant(hidden, false)).isNull();
    }

    @Test
    void givenContactDataOfOddShapes_whenMasked_thenNothingOfItLeaks() {
        assertThat(ProfileView.maskPhone("+86 138-1234-5678")).isEqualTo("861****5678");
        assertThat(ProfileView.maskPhone("12345")).isEqualTo("****");
        assertThat(ProfileView.maskEmail("a@b.cn")).isEqualTo("a***@b.cn");
        assertThat(ProfileView.maskEmail("@nobody")).isEqualTo("***");
        assertThat(ProfileView.maskEmail("no-at-sign")).isEqualTo("***");
        ProfileView masked = ProfileView.asSeenByOthers(profile(Visibility.PUBLIC, null, null));
        assertThat(masked.phone()).isNull();
        assertThat(masked.email()).isNull();
    }

    private static TalentProfile profile(Visibility visibility, @Nullable String phone, @Nullable String email) {
        TalentProfileContent content = new TalentProfileContent(
                "张三",
                List.of("meat-curing"),
                List.of(),
                EducationLevel.ASSOCIATE,
                8,
                "深圳",
                "donghe",
                true,
                800_000L,
                1_200_000L,
                null,
                phone,
                email,
                visibility);
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        return new TalentProfile(UUID.randomUUID(), OWN.subject(), content, 1, now, now);
    }
}
