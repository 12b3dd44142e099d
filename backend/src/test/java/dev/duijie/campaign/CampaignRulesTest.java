package dev.duijie.campaign;

import static dev.duijie.web.AsAnswered.fieldErrors;
import static dev.duijie.web.AsAnswered.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import dev.duijie.talent.EducationLevel;
import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentNeedStatus;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * Which talents a hometown-recruitment campaign may invite, and what it may still change, as the talent bureau
 * is answered. The campaign targets the town of Donghe; the need asks for meat curing and secondary school.
 */
class CampaignRulesTest {

    private static final Set<String> TARGET_REGIONS = Set.of("donghe");
    private static final TalentNeedContent NEED = new TalentNeedContent(
            "腊肉车间生产主管",
            null,
            "cured-pork",
            2,
            List.of("meat-curing"),
            List.of("food-safety"),
            EducationLevel.SECONDARY,
            3,
            700_000L,
            1_100_000L,
            "donghe",
            null,
            List.of());
    private static final Set<String> CURES_MEAT = Set.of("meat-curing", "food-processing-skills");

    @Test
    void givenATalentFromATargetTown_whenInvited_thenInvitableThoughNotWillingToReturn() {
        assertThat(CampaignRules.invitable(
                        talent("donghe", false, Visibility.PUBLIC, EducationLevel.ASSOCIATE),
                        TARGET_REGIONS,
                        NEED,
                        CURES_MEAT))
                .isTrue();
    }

    @Test
    void givenATalentFromElsewhereWillingToReturn_whenInvited_thenInvitable() {
        assertThat(CampaignRules.invitable(
                        talent("xiba", true, Visibility.ANONYMOUS, EducationLevel.ASSOCIATE),
                        TARGET_REGIONS,
                        NEED,
                        CURES_MEAT))
                .isTrue();
        assertThat(CampaignRules.invitable(
                        talent(null, true, Visibility.PUBLIC, EducationLevel.ASSOCIATE),
                        TARGET_REGIONS,
                        NEED,
                        CURES_MEAT))
                .isTrue();
    }

    @Test
    void givenATalentNeitherFromATargetTownNorWillingToReturn_whenInvited_thenNotInvitable() {
        assertThat(CampaignRules.invitable(
                        talent("xiba", false, Visibility.PUBLIC, EducationLevel.ASSOCIATE),
                        TARGET_REGIONS,
                        NEED,
                        CURES_MEAT))
                .isFalse();
        assertThat(CampaignRules.invitable(
                        talent(null, false, Visibility.PUBLIC, EducationLevel.ASSOCIATE),
                        TARGET_REGIONS,
                        NEED,
                        CURES_MEAT))
                .isFalse();
    }

    @Test
    void givenAHiddenProfile_whenInvited_thenNeverInvitable() {
        assertThat(CampaignRules.invitable(
                        talent("donghe", true, Visibility.HIDDEN, EducationLevel.ASSOCIATE),
                        TARGET_REGIONS,
                        NEED,
                        CURES_MEAT))
                .isFalse();
    }

    @Test
    void givenATalentBelowTheNeedsEducationOrWithoutItsSkills_whenInvited_thenNotInvitable() {
        assertThat(CampaignRules.invitable(
                        talent("donghe", true, Visibility.PUBLIC, EducationLevel.NONE),
                        TARGET_REGIONS,
                        NEED,
                        CURES_MEAT))
                .isFalse();
        assertThat(CampaignRules.invitable(
                        talent("donghe", true, Visibility.PUBLIC, EducationLevel.ASSOCIATE),
                        TARGET_REGIONS,
                        NEED,
                        Set.of("lacquer-painting")))
                .isFalse();
    }

    @Test
    void givenACampaignEndingBeforeItStarts_whenCreated_thenRefusedNamingEndsOn() {
        Campaign.Draft backwards = new Campaign.Draft(
                "春节返乡招才", LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 1), List.of("donghe"), null);

        assertThat(fieldErrors(refusal(() -> CampaignRules.checkDraft(backwards))))
                .containsExactly(entry("endsOn", "不能早于 startsOn"));
        assertThatNoException()
                .isThrownBy(() -> CampaignRules.checkDraft(new Campaign.Draft(
                        "春节返乡招才", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), List.of("donghe"), null)));
    }

    @Test
    void givenAClosedCampaign_whenChangedOrAnInvitationAnswered_then409AndOnlyTheBureauAndTheRegulatorReadIt() {
        Campaign closed = campaign(CampaignStatus.CLOSED, List.of());

        ProblemDetail answer = refusal(() -> CampaignRules.requireActive(closed));
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getDetail()).isEqualTo("这个活动已结束，成果已冻结，不能再修改。");
        assertThatNoException()
                .isThrownBy(() -> CampaignRules.requireActive(campaign(CampaignStatus.ACTIVE, List.of())));

        assertThat(CampaignRules.readableBy(caller(Role.TALENT), closed)).isFalse();
        assertThat(CampaignRules.readableBy(caller(Role.ENTERPRISE), closed)).isFalse();
        assertThat(CampaignRules.readableBy(caller(Role.TALENT_BUREAU), closed)).isTrue();
        assertThat(CampaignRules.readableBy(caller(Role.REGULATOR), closed)).isTrue();
        assertThat(CampaignRules.readableBy(caller(Role.TALENT), campaign(CampaignStatus.ACTIVE, List.of())))
                .isTrue();
    }

    @Test
    void givenANeedNotOpen_whenCuratedOrItsTalentsInvited_then409() {
        assertThatNoException().isThrownBy(() -> CampaignRules.requireOpenNeed(TalentNeedStatus.OPEN));
        for (TalentNeedStatus status :
                List.of(TalentNeedStatus.DRAFT, TalentNeedStatus.FILLED, TalentNeedStatus.CLOSED)) {
            assertThat(refusal(() -> CampaignRules.requireOpenNeed(status)).getDetail())
                    .as(status.name())
                    .isEqualTo("这个人才需求未开放，现在不能投递或录用。");
        }
    }

    @Test
    void givenAFullCampaign_whenANewNeedIsCurated_then409AndANeedAlreadyInIsNoChange() {
        List<UUID> full = IntStream.range(0, CampaignRules.MOST_NEEDS)
                .mapToObj(i -> UUID.randomUUID())
                .toList();
        Campaign campaign = campaign(CampaignStatus.ACTIVE, full);

        ProblemDetail answer = refusal(() -> CampaignRules.checkRoomForNeed(campaign, UUID.randomUUID()));
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getDetail()).isEqualTo("一个活动最多1000个需求，一个需求最多1000份邀请。");
        assertThatNoException().isThrownBy(() -> CampaignRules.checkRoomForNeed(campaign, full.getFirst()));
    }

    @Test
    void givenANeedWithInvitations_whenMoreAreSent_thenOnlyNewTalentsCountTowardsTheLimit() {
        Set<UUID> invited = new HashSet<>(IntStream.range(0, CampaignRules.MOST_INVITATIONS_PER_NEED - 1)
                .mapToObj(i -> UUID.randomUUID())
                .toList());
        UUID again = invited.iterator().next();

        assertThatNoException()
                .isThrownBy(() -> CampaignRules.checkRoomForInvitations(invited, List.of(again, UUID.randomUUID())));
        assertThat(refusal(() -> CampaignRules.checkRoomForInvitations(
                                invited, List.of(UUID.randomUUID(), UUID.randomUUID())))
                        .getStatus())
                .isEqualTo(409);
    }

    private static TalentProfileContent talent(
            @Nullable String hometown, boolean willingToReturn, Visibility visibility, EducationLevel education) {
        return new TalentProfileContent(
                "李四",
                List.of("meat-curing"),
                List.of(),
                education,
                5,
                "广州",
                hometown,
                willingToReturn,
                800_000L,
                1_000_000L,
                null,
                "13900000000",
                null,
                visibility);
    }

    private static Campaign campaign(CampaignStatus status, List<UUID> needIds) {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        return new Campaign(
                UUID.randomUUID(),
                status,
                "春节返乡招才",
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 28),
                List.of("donghe"),
                null,
                needIds,
                status == CampaignStatus.CLOSED ? now : null,
                1,
                now,
                now);
    }

    private static Caller caller(Role role) {
        return new Caller(role.realmRole(), Set.of(role), null);
    }
}
