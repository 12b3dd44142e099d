package dev.duijie.talent;

import static dev.duijie.web.AsAnswered.fieldErrors;
import static dev.duijie.web.AsAnswered.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

import dev.duijie.shared.Caller;
import dev.duijie.shared.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * A talent need's lifecycle, draft → open → filled or closed, and an application's pipeline, applied →
 * shortlisted → interview → offered → hired (or rejected, or withdrawn), as the enterprise is answered.
 */
class TalentNeedRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final UUID OWNER = UUID.randomUUID();

    @Test
    void givenEachPairOfStatuses_whenTheOwnerMovesANeed_thenOnlyOpeningADraftAndClosingAnOpenNeedAreAllowed() {
        List<String> allowed = new ArrayList<>();
        for (TalentNeedStatus from : TalentNeedStatus.values()) {
            for (TalentNeedStatus to : TalentNeedStatus.values()) {
                if (TalentNeedRules.ownerMay(from, to)) {
                    allowed.add(from + "→" + to);
                }
            }
        }

        assertThat(allowed).containsExactly("DRAFT→OPEN", "OPEN→CLOSED");
    }

    @Test
    void givenAFilledNeed_whenTheOwnerReopensIt_then409NamingBothStatuses() {
        ProblemDetail answer =
                refusal(() -> TalentNeedRules.requireOwnerMay(TalentNeedStatus.FILLED, TalentNeedStatus.OPEN));

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getType().toString()).isEqualTo("https://duijie.example.cn/problems/invalid-state");
        assertThat(answer.getDetail()).isEqualTo("人才需求不能从filled变为open。");
    }

    @Test
    void givenANeedPastItsDraft_whenEdited_then409AndADraftIsEdited() {
        assertThatNoException()
                .isThrownBy(() -> TalentNeedRules.requireEditable(need(TalentNeedStatus.DRAFT, 2, true)));

        ProblemDetail answer = refusal(() -> TalentNeedRules.requireEditable(need(TalentNeedStatus.OPEN, 2, true)));
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getDetail()).isEqualTo("只有草稿状态的需求可以修改，这个需求已不是草稿。");
    }

    @Test
    void givenANeedNotOpen_whenATalentAppliesOrIsHired_then409() {
        assertThatNoException().isThrownBy(() -> TalentNeedRules.requireOpen(need(TalentNeedStatus.OPEN, 1, true)));

        for (TalentNeedStatus status :
                List.of(TalentNeedStatus.DRAFT, TalentNeedStatus.FILLED, TalentNeedStatus.CLOSED)) {
            ProblemDetail answer = refusal(() -> TalentNeedRules.requireOpen(need(status, 0, true)));
            assertThat(answer.getStatus()).as(status.name()).isEqualTo(409);
            assertThat(answer.getDetail()).isEqualTo("这个人才需求未开放，现在不能投递或录用。");
        }
    }

    @Test
    void givenOpenPlaces_whenHiring_thenOnlyTheLastPlaceFillsTheNeed() {
        assertThat(TalentNeedRules.hireFills(need(TalentNeedStatus.OPEN, 1, true)))
                .isTrue();
        assertThat(TalentNeedRules.hireFills(need(TalentNeedStatus.OPEN, 2, true)))
                .isFalse();
    }

    @Test
    void givenASalaryTopBelowItsBottom_whenWritingANeed_thenRefusedNamingSalaryMaxFen() {
        assertThat(fieldErrors(refusal(() -> TalentNeedRules.checkSalaryRange(1_100_000L, 700_000L))))
                .containsExactly(entry("salaryMaxFen", "不能低于最低薪资"));
        assertThatNoException().isThrownBy(() -> TalentNeedRules.checkSalaryRange(700_000L, 700_000L));
    }

    @Test
    void givenNeedsInEachState_whenOthersLook_thenDraftsOnlyTheOwnerAndTheRestOfVerifiedFirmsEveryone() {
        Caller owner = new Caller("owner", Set.of(Role.ENTERPRISE), OWNER);
        Caller talent = new Caller("talent", Set.of(Role.TALENT), null);
        Caller otherFirm = new Caller("other", Set.of(Role.ENTERPRISE), UUID.randomUUID());

        assertThat(TalentNeedRules.visibleTo(owner, need(TalentNeedStatus.DRAFT, 2, true)))
                .isTrue();
        assertThat(TalentNeedRules.visibleTo(talent, need(TalentNeedStatus.DRAFT, 2, true)))
                .isFalse();
        assertThat(TalentNeedRules.visibleTo(otherFirm, need(TalentNeedStatus.DRAFT, 2, true)))
                .isFalse();
        for (TalentNeedStatus status :
                List.of(TalentNeedStatus.OPEN, TalentNeedStatus.FILLED, TalentNeedStatus.CLOSED)) {
            assertThat(TalentNeedRules.visibleTo(talent, need(status, 0, true)))
                    .as(status.name())
                    .isTrue();
            assertThat(TalentNeedRules.visibleTo(talent, need(status, 0, false)))
                    .as("unverified, " + status)
                    .isFalse();
        }
        assertThat(TalentNeedRules.visibleTo(owner, need(TalentNeedStatus.OPEN, 2, false)))
                .isTrue();
    }

    @Test
    void
            givenEachStage_whenTheEnterpriseMovesAnApplication_thenForwardOnlyAHireOnlyAfterAnOfferAndARejectionFromAnyOpenStage() {
        List<String> allowed = new ArrayList<>();
        for (ApplicationStatus from : ApplicationStatus.values()) {
            for (ApplicationStatus to : ApplicationStatus.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + "→" + to);
                }
            }
        }

        assertThat(allowed)
                .containsExactlyInAnyOrder(
                        "APPLIED→SHORTLISTED",
                        "APPLIED→INTERVIEW",
                        "APPLIED→OFFERED",
                        "APPLIED→REJECTED",
                        "SHORTLISTED→INTERVIEW",
                        "SHORTLISTED→OFFERED",
                        "SHORTLISTED→REJECTED",
                        "INTERVIEW→OFFERED",
                        "INTERVIEW→REJECTED",
                        "OFFERED→HIRED",
                        "OFFERED→REJECTED");
        assertThat(List.of(ApplicationStatus.values()))
                .filteredOn(ApplicationStatus::isFinal)
                .containsExactly(ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);
    }

    private static TalentNeed need(TalentNeedStatus status, int openPlaces, boolean verifiedFirm) {
        TalentNeedContent content = new TalentNeedContent(
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
        return new TalentNeed(
                UUID.randomUUID(),
                OWNER,
                "大木漆器工艺有限公司",
                verifiedFirm,
                status,
                content,
                openPlaces,
                status == TalentNeedStatus.DRAFT ? null : NOW,
                null,
                1,
                NOW,
                NOW);
    }
}
