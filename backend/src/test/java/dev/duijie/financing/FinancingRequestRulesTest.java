package dev.duijie.financing;

import static dev.duijie.web.AsAnswered.fieldErrors;
import static dev.duijie.web.AsAnswered.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** The financing request's lifecycle, draft → open → awarded / withdrawn / expired, as the enterprise is answered. */
class FinancingRequestRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void givenADraft_whenEditedOrPublished_thenAllowed() {
        FinancingRequest draft = request(FinancingRequestStatus.DRAFT, null, true);

        assertThatNoException().isThrownBy(() -> FinancingRequestRules.requireEditable(draft));
        assertThatNoException().isThrownBy(() -> FinancingRequestRules.requirePublishable(draft));
        assertThatNoException().isThrownBy(() -> FinancingRequestRules.requireWithdrawable(draft));
    }

    @Test
    void givenAnythingButADraft_whenEditedOrPublished_then409SayingOnlyDraftsAre() {
        for (FinancingRequestStatus status : List.of(
                FinancingRequestStatus.OPEN,
                FinancingRequestStatus.AWARDED,
                FinancingRequestStatus.WITHDRAWN,
                FinancingRequestStatus.EXPIRED)) {
            FinancingRequest request = request(status, NOW.plus(Duration.ofDays(14)), true);

            ProblemDetail edited = refusal(() -> FinancingRequestRules.requireEditable(request));
            ProblemDetail published = refusal(() -> FinancingRequestRules.requirePublishable(request));

            assertThat(edited.getStatus()).as(status.name()).isEqualTo(409);
            assertThat(edited.getType().toString()).isEqualTo("https://duijie.example.cn/problems/invalid-state");
            assertThat(edited.getDetail()).isEqualTo("只有草稿可以修改，该需求已不是草稿。");
            assertThat(published.getStatus()).isEqualTo(409);
            assertThat(published.getDetail()).isEqualTo("只有草稿可以发布，该需求已不是草稿。");
        }
    }

    @Test
    void givenEachStatus_whenTheOwnerWithdraws_thenOnlyADraftOrAnOpenRequestIsWithdrawn() {
        assertThat(List.of(FinancingRequestStatus.values()))
                .filteredOn(FinancingRequestRules::withdrawable)
                .containsExactly(FinancingRequestStatus.DRAFT, FinancingRequestStatus.OPEN);

        ProblemDetail again = refusal(
                () -> FinancingRequestRules.requireWithdrawable(request(FinancingRequestStatus.WITHDRAWN, null, true)));
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getDetail()).isEqualTo("只有草稿或已发布的需求可以撤回。");
    }

    @Test
    void givenABidDeadlineFromAnHourTo90DaysAhead_whenPublishing_thenTakenAndOutsideRefusedNamingBidDeadline() {
        for (Instant inside :
                List.of(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(14)), NOW.plus(Duration.ofDays(90)))) {
            assertThatNoException()
                    .as("deadline %s", inside)
                    .isThrownBy(() -> FinancingRequestRules.checkBidDeadline(inside, NOW));
        }
        for (Instant outside : List.of(
                NOW, NOW.plus(Duration.ofMinutes(59)), NOW.plus(Duration.ofDays(91)), NOW.minus(Duration.ofDays(3)))) {
            assertThat(fieldErrors(refusal(() -> FinancingRequestRules.checkBidDeadline(outside, NOW))))
                    .as("deadline %s", outside)
                    .containsExactly(entry("bidDeadline", "须在当前时间之后 1 小时至 90 天之间"));
        }
    }

    @Test
    void givenAnOpenRequestBeforeItsDeadline_whenAwarded_thenAllowedAndAfterTheDeadlineOrOnceClosedRefused() {
        assertThatNoException()
                .isThrownBy(() -> FinancingRequestRules.requireOpenForAward(
                        request(FinancingRequestStatus.OPEN, NOW.plusSeconds(1), true), NOW));

        for (FinancingRequest closed : List.of(
                request(FinancingRequestStatus.OPEN, NOW, true),
                request(FinancingRequestStatus.AWARDED, NOW.plus(Duration.ofDays(3)), true),
                request(FinancingRequestStatus.WITHDRAWN, NOW.plus(Duration.ofDays(3)), true))) {
            ProblemDetail answer = refusal(() -> FinancingRequestRules.requireOpenForAward(closed, NOW));
            assertThat(answer.getStatus()).as(closed.status().name()).isEqualTo(409);
            assertThat(answer.getDetail()).isEqualTo("该需求当前不能授标（已授标、已撤回或已过投标截止时间）。");
        }
    }

    @Test
    void givenRequests_whenLendersBid_thenOnlyOpenOnesOfVerifiedFirmsBeforeTheDeadlineTakeBids() {
        assertThatNoException()
                .isThrownBy(() -> FinancingRequestRules.requireOnTheMarket(
                        request(FinancingRequestStatus.OPEN, NOW.plus(Duration.ofDays(3)), true), NOW));

        for (FinancingRequest off : List.of(
                request(FinancingRequestStatus.OPEN, NOW, true),
                request(FinancingRequestStatus.OPEN, NOW.plus(Duration.ofDays(3)), false),
                request(FinancingRequestStatus.AWARDED, NOW.plus(Duration.ofDays(3)), true))) {
            ProblemDetail answer = refusal(() -> FinancingRequestRules.requireOnTheMarket(off, NOW));
            assertThat(answer.getStatus()).isEqualTo(409);
            assertThat(answer.getType().toString()).isEqualTo("https://duijie.example.cn/problems/bidding-closed");
        }
    }

    @Test
    void givenNoCollateralAlongsideOtherCollateral_whenWritingARequest_thenRefusedNamingCollateralOffered() {
        assertThat(fieldErrors(
                        refusal(() -> FinancingRequestRules.checkContent(content(List.of("none", "equipment"))))))
                .containsExactly(entry("collateralOffered", "“none”（无抵押）不能与其他抵押方式同时选择"));

        assertThatNoException().isThrownBy(() -> FinancingRequestRules.checkContent(content(List.of("none"))));
        assertThatNoException()
                .isThrownBy(() -> FinancingRequestRules.checkContent(content(List.of("real_estate", "equipment"))));
    }

    private static RequestContent content(List<String> collateral) {
        return new RequestContent(
                "腊肉车间扩建贷款", "扩建老腊肉熏制车间", null, 300_000_000L, 36, "cured-pork", "donghe", collateral, true, 480);
    }

    private static FinancingRequest request(
            FinancingRequestStatus status, @Nullable Instant bidDeadline, boolean verifiedFirm) {
        return new FinancingRequest(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "大木漆器工艺有限公司",
                verifiedFirm,
                "small",
                status,
                content(List.of("real_estate")),
                bidDeadline,
                bidDeadline == null ? null : NOW.minus(Duration.ofDays(1)),
                null,
                2,
                NOW.minus(Duration.ofDays(2)),
                NOW.minus(Duration.ofDays(1)));
    }
}
