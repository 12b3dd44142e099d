package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The enterprise's screens: a firm drafts a request (a refused field shown beside it), publishes it, sees it open,
 * has an edit refused as stale, compares a bank's bid and accepts it, reads a long history a page at a time (an
 * unverified firm's refusal is in {@link VerificationJourneyIT}).
 */
class EnterpriseIT extends BrowserTest {

    private static final Path SHOTS = Path.of("target/shots");

    @Test
    void givenTheVerifiedDemoFirm_whenItDraftsPublishesAndComparesABid_thenEachStepSaysWhatHappened() throws Exception {
        List<String> questions = confirmEverything(page);
        signInAs("enterprise", "/");
        assertThat(page.locator("h1")).hasText("企业工作台");
        assertAccessible();
        shot(page, "enterprise-home-zh");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("发布融资需求"))
                .first()
                .click();
        assertThat(page.locator("h1")).hasText("填写融资需求");
        assertAccessible();
        String title = "漆器烘房扩建贷款 " + UUID.randomUUID().toString().substring(0, 6);
        page.getByLabel("需求标题").fill(title);
        page.getByLabel("资金用途").fill("新建两间恒温烘房");
        page.getByLabel("融资金额").fill("200000000"); // 2 万亿元: more than the contract allows
        page.getByLabel("期限").fill("36");
        page.getByLabel("可接受的最高年利率").fill("4.8");
        page.locator("#industry").selectOption("lacquer-craft");
        page.locator("#region").selectOption("chengguan");
        page.getByLabel("机器设备抵押").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))
                .click();

        // the contract's maximum, as the backend words it for people: 万元, not fen
        assertThat(page.locator("#amount-error")).hasText("不能大于 1,000,000 万元");
        assertThat(page.getByLabel("融资金额")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("需求标题")).hasValue(title);
        assertAccessible();
        shot(page, "enterprise-form-error-zh");

        page.getByLabel("融资金额").fill("300");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))
                .click();
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator(".page-head .chip")).hasText("草稿");
        String requestUrl = page.url().replaceAll("\\?.*", "");
        String requestId = requestUrl.substring(requestUrl.lastIndexOf('/') + 1);
        assertAccessible();

        // a second window saves first: the first one's edit is refused as stale, its input kept
        Page other = context.newPage();
        other.navigate(requestUrl + "/edit");
        page.navigate(requestUrl + "/edit");
        other.getByLabel("资金用途").fill("新建两间恒温烘房和一条晾晒线");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))
                .click();
        assertThat(other.locator(".notice-success")).isVisible();
        other.close();
        page.getByLabel("期限").fill("24");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))
                .click();
        assertThat(page.locator(".notice-warn")).containsText("其他人已修改");
        assertThat(page.getByLabel("期限")).hasValue("24");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("重新载入"))
                .click();
        assertThat(page.getByLabel("资金用途")).hasValue("新建两间恒温烘房和一条晾晒线");

        page.navigate(requestUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布，开始接受出价"))
                .click();
        assertThat(page.locator(".notice-success")).containsText("已发布");
        assertThat(questions).anyMatch(question -> question.contains("确定发布"));
        assertThat(page.locator(".page-head .chip")).hasText("征集中");
        assertAccessible();

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("主导航"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("我的融资需求"))
                .click();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row.locator(".chip")).hasText("征集中");
        assertAccessible();
        shot(page, "enterprise-list-zh");

        // bank A's own system bids through the API, as a bank's IT would
        bidAsBankA(requestId);
        page.navigate(console() + "/");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title)))
                .containsText("1 个现在可以接受");
        assertAccessible();
        shot(page, "enterprise-home-waiting-zh");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                .click();
        Locator bid = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("县农村商业银行"));
        assertThat(bid).containsText("成本最低");
        assertThat(bid.locator("svg.split")).hasAttribute("aria-label", Pattern.compile("银行 70%.*基金 30%"));
        assertAccessible();
        shot(page, "enterprise-request-zh");

        // English for this browser session only (?lang=en), never the firm's own choice, which other tests read
        page.navigate(page.url().replaceAll("\\?.*", "") + "?lang=en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bids compared")))
                .isVisible();
        assertThat(page.locator(".page-head .chip")).hasText("Open for bids");
        assertThat(page.locator("#history-list > li").first()).containsText("submitted a bid");
        assertThat(page.locator("#history-list > li").last()).containsText("created the draft");
        assertThat(page.locator("#history-list > li").last()).containsText("(you)");
        assertAccessible();
        shot(page, "enterprise-request-en");
        page.navigate(page.url().replaceAll("\\?.*", "") + "?lang=zh-CN");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");

        bid.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("接受县农村商业银行的出价"))
                .click();
        assertThat(page.locator(".notice-success")).containsText("已接受出价");
        assertThat(questions).anyMatch(question -> question.contains("县农村商业银行"));
        assertThat(page.locator(".page-head .chip")).hasText("已成交");
        assertAccessible();
    }

    @Test
    void givenARequestWithALongHistory_whenTheFirmAsksForEarlierEntries_thenTheyAreAddedBelowInOrder()
            throws Exception {
        // a draft edited 21 times through the API: 22 entries, more than the page shows at once (20)
        String token = DemoApi.userToken("enterprise");
        String title = "历史很长的草稿 " + UUID.randomUUID().toString().substring(0, 6);
        String requestId = send("POST", "/financing-requests", token, draft(title), 201)
                .replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        for (int edit = 1; edit <= 21; edit++) {
            send("PUT", "/financing-requests/" + requestId, token, draft(title + " 第" + edit + "稿"), 200);
        }

        signInAs("enterprise", "/requests/" + requestId);
        Locator entries = page.locator("#history-list > li:not(.tl-more)");
        assertThat(entries).hasCount(20);
        assertThat(entries.first()).containsText("修改了需求内容");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("显示更早的记录"))
                .click();
        assertThat(entries).hasCount(22);
        assertThat(entries.last()).containsText("创建了草稿");
        assertThat(page.locator("#history-more")).hasCount(0);
        assertThat(page).not().hasURL(Pattern.compile(".*/history.*")); // added in place, not a page of its own
        assertAccessible();
        shot(page, "enterprise-history-zh");
    }

    private static String draft(String title) {
        return """
                {"title": "%s", "purpose": "烘房设备更新", "amountFen": 100000000, "termMonths": 24,
                 "industry": "lacquer-craft", "region": "chengguan", "collateralOffered": ["equipment"],
                 "guaranteeWanted": false, "maxAnnualRateBp": 500}""".formatted(title);
    }

    /** One call to the backend as the firm's own system would make it; the answer's body. */
    private static String send(String method, String path, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = DemoApi.HTTP.send(
                HttpRequest.newBuilder(URI.create(DemoApi.backend() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("If-Match", "*")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
        return answer.body();
    }

    private static List<String> confirmEverything(Page page) {
        List<String> questions = new ArrayList<>();
        page.onDialog(dialog -> {
            questions.add(dialog.message());
            dialog.accept();
        });
        return questions;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** Bank A's demo machine client (client credentials) submits a bid: 300 万元 at 4.35 %, bank 70 %, fund 30 %. */
    private static void bidAsBankA(String requestId) throws IOException, InterruptedException {
        String token = DemoApi.machineToken("bank-a-system", "bank-a-system-demo-secret");
        String body = """
                {"amountFen": 300000000, "annualRateBp": 435, "termMonths": 36, "feesFen": 500000,
                 "validUntil": "%s", "riskSplit": {"bankShareBp": 7000, "guarantorShareBp": 0, "fundShareBp": 3000}}""".formatted(OffsetDateTime.now().plusDays(20));
        HttpResponse<String> bid = DemoApi.HTTP.send(
                HttpRequest.newBuilder(URI.create(DemoApi.backend() + "/financing-requests/" + requestId + "/bids"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bid.statusCode()).as(bid.body()).isEqualTo(201);
    }
}
