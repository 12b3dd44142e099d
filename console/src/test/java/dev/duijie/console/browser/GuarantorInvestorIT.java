package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The guarantee company and the returning-hometown investor: bids naming the guarantor confirmed and declined, a
 * guarantee offer (after a 400 shown beside its field), a new guarantee product; fitting projects with why, an
 * investor's interest, and a new investment offer (after a 400 beside its field), edited and made live. Screenshots of each main page in Chinese and English go to target/shots.
 */
class GuarantorInvestorIT extends BrowserTest {

    private static final String LACQUER_LINE = "00000000-0000-4000-9000-000000000001"; // open, wants a guarantee
    private static final String COUNTY_GUARANTOR = "00000000-0000-4000-8000-000000000301";
    private static final String POLICY_GUARANTEE = "00000000-0000-4000-b000-000000000101"; // coverage 80 %

    private static final List<String> GUARANTOR_PAGES =
            List.of("/", "/guarantees", "/guarantor/inbox", "/guarantee-offers", "/guarantor/products");
    private static final List<String> INVESTOR_PAGES =
            List.of("/", "/investor/inbox", "/investor/requests/" + LACQUER_LINE, "/interests", "/investor/products");

    @Test
    void givenBidsNamingTheGuarantor_whenItConfirmsOneDeclinesOneAndOffersItsOwn_thenEachIsRecorded() throws Exception {
        // a request of its own (other test classes, running beside this one, bid on the demo requests)
        String requestId = DemoApi.openRequest(ownRequestTitle, true);
        bidNamingTheGuarantor(requestId, "bank-a", 300_000_000L);
        bidNamingTheGuarantor(requestId, "bank-b", 200_000_000L);
        page.onDialog(dialog -> dialog.accept());

        signInAs("guarantor", "/");
        assertThat(page.locator("h1")).hasText("担保公司工作台");
        assertThat(page.locator("#waiting-head")).containsText("等您确认的担保");
        assertAccessible();

        page.locator("a", new Page.LocatorOptions().setHasText("去确认或拒绝")).click();
        assertThat(page.locator("h1")).hasText("银行请您担保的贷款");
        assertThat(bidCard("县农村商业银行")).containsText("担保贷款金额的 80%");
        assertAccessible();
        shot("guarantor-guarantees-waiting-zh");
        bidCard("县农村商业银行")
                .locator("button", new Locator.LocatorOptions().setHasText("确认担保"))
                .click();
        assertThat(page.locator(".notice-success")).hasText("已确认为县农村商业银行的贷款提供担保。");
        // declining says why: without a reason the backend's message shows beside the reasons, in the open form
        Locator decline = bidCard("秦巴村镇银行").locator("details.decline");
        decline.locator("summary").click();
        decline.locator("button", new Locator.LocatorOptions().setHasText("拒绝担保"))
                .click();
        decline = bidCard("秦巴村镇银行").locator("details.decline");
        assertThat(decline.locator("fieldset.invalid .field-error")).hasText("拒绝担保须说明原因");
        assertAccessible();
        shot("guarantor-guarantees-decline-400-zh");
        decline.getByLabel("期限过长").check();
        decline.getByLabel("说明（选“其他原因”时必填，最多 500 字）").fill("贷款期限超过我司该产品的上限");
        decline.locator("button", new Locator.LocatorOptions().setHasText("拒绝担保"))
                .click();
        assertThat(page.locator(".notice-success")).hasText("已拒绝为秦巴村镇银行的贷款提供担保。");
        assertThat(page.locator("article.guarantee-bid", new Page.LocatorOptions().setHasText(ownRequestTitle)))
                .hasCount(0);
        Locator decided = page.locator("tr", new Page.LocatorOptions().setHasText(ownRequestTitle));
        assertThat(decided.filter(new Locator.FilterOptions().setHasText("县农村商业银行")))
                .containsText("已确认担保");
        assertThat(decided.filter(new Locator.FilterOptions().setHasText("秦巴村镇银行")))
                .containsText("已拒绝担保");
        assertThat(decided.filter(new Locator.FilterOptions().setHasText("秦巴村镇银行")))
                .containsText("拒绝原因：期限过长");
        assertAccessible();
        shot("guarantor-guarantees-decided-zh");

        page.navigate(console() + "/guarantor/inbox");
        Locator match = page.locator("article.card", new Page.LocatorOptions().setHasText("漆器生产线技术改造贷款"));
        assertThat(match.locator("svg.bar").first()).isVisible();
        assertThat(match.locator(".why-text").first()).not().isEmpty();
        assertAccessible();

        match.locator("a.button").click();
        assertThat(page.locator("h1")).hasText("融资需求：漆器生产线技术改造贷款");
        assertAccessible();
        page.locator("#coveragePercent").fill("90");
        page.locator("#feePercent").fill("1");
        page.locator("button", new Page.LocatorOptions().setHasText("报出担保")).click();
        assertThat(page.locator("#coveragePercent-error")).hasText("不得超过该产品的担保比例 80%");
        assertThat(page.locator(".field.invalid #coveragePercent")).isVisible();
        assertAccessible();
        shot("guarantor-request-400-zh");
        page.locator("#coveragePercent").fill("70");
        page.locator("button", new Page.LocatorOptions().setHasText("报出担保")).click();
        assertThat(page.locator(".notice-success")).containsText("担保报价已报出");
        assertThat(page.locator("table")).containsText("70%");

        page.navigate(console() + "/guarantee-offers");
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertThat(page.locator("tbody tr")).containsText("等待企业选择");
        assertAccessible();

        page.navigate(console() + "/guarantor/products");
        page.locator("a", new Page.LocatorOptions().setHasText("新建担保产品")).click();
        assertAccessible();
        page.locator("#name").fill("乡村振兴创业担保");
        page.locator("#maxAmountWan").fill("300");
        page.locator("#coveragePercent").fill("60");
        page.locator("#feePercent").fill("0.8");
        page.locator("label", new Page.LocatorOptions().setHasText("小型")).click();
        shot("guarantor-product-form-zh");
        page.locator("button", new Page.LocatorOptions().setHasText("保存为草稿")).click();
        assertThat(page.locator(".notice-success")).hasText("已保存“乡村振兴创业担保”。");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("乡村振兴创业担保"));
        assertThat(row).containsText("草稿");
        row.locator("button", new Locator.LocatorOptions().setHasText("上架")).click();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("乡村振兴创业担保")))
                .containsText("已上架");
        assertAccessible();

        screenshots("guarantor", GUARANTOR_PAGES);

        // the bank and the firm read why the guarantor declined
        context.clearCookies();
        signInAs("bank-b", "/bids");
        Locator bankRow =
                page.locator("#my-bids tbody tr").filter(new Locator.FilterOptions().setHasText(ownRequestTitle));
        assertThat(bankRow).containsText("已拒绝");
        assertThat(bankRow).containsText("拒绝原因：期限过长");
        assertThat(bankRow).containsText("担保公司说明：贷款期限超过我司该产品的上限");
        assertAccessible();
        shot("bank-bids-declined-zh");
        context.clearCookies();
        signInAs("enterprise", "/requests/" + requestId);
        Locator firmRow =
                page.locator("table.comparison tbody tr").filter(new Locator.FilterOptions().setHasText("秦巴村镇银行"));
        assertThat(firmRow).containsText("拒绝原因：期限过长");
        assertThat(firmRow).containsText("担保公司说明：贷款期限超过我司该产品的上限");
        assertAccessible();
        shot("enterprise-request-declined-zh");
    }

    @Test
    void givenAnInvestorWithALiveOffer_whenItOpensItsInbox_thenItSeesFittingProjectsWithWhyAndExpressesInterest()
            throws Exception {
        page.onDialog(dialog -> dialog.accept());
        // signs in on a light page first: the home page asks the backend for matches, slow on a loaded machine
        signInAs("investor", "/interests");
        assertThat(page.locator(".empty")).containsText("您还没有表达过投资意向");
        assertThat(page.locator("main")).not().containsText("平台目前还不能列出");
        assertAccessible();
        shot("investor-interests-empty-zh");
        page.navigate(console() + "/");
        assertThat(page.locator("h1")).hasText("投资人工作台");
        assertThat(page.locator(".offers-list")).containsText("漆器生产线技术改造贷款");
        assertAccessible();

        page.navigate(console() + "/investor/inbox");
        Locator match = page.locator("article.card", new Page.LocatorOptions().setHasText("漆器生产线技术改造贷款"));
        assertThat(match.locator("svg.bar").first()).isVisible();
        assertThat(match.locator(".why-text").first()).not().isEmpty();
        assertAccessible();

        match.locator("a.button").click();
        assertThat(page.locator("h1")).hasText("项目：漆器生产线技术改造贷款");
        page.locator("#note").fill("我是城关镇人，春节回乡可以面谈。");
        page.locator("button", new Page.LocatorOptions().setHasText("表达投资意向")).click();
        assertThat(page.locator(".notice-success")).hasText("已向大木漆器工艺有限公司表达投资意向，企业可以看到。");
        assertAccessible();

        page.navigate(console() + "/interests");
        Locator interest =
                page.locator("#my-interests tbody tr").filter(new Locator.FilterOptions().setHasText("漆器生产线技术改造贷款"));
        assertThat(interest).containsText("我是城关镇人，春节回乡可以面谈。");
        assertThat(interest).containsText("征集中");
        assertAccessible();
        interest.locator("a").click();
        assertThat(page.locator("h1")).hasText("项目：漆器生产线技术改造贷款");

        // interest in a request withdrawn since: the list keeps the investor's note, and nothing of the request
        String withdrawnTitle = "漆艺研学基地引资 " + UUID.randomUUID().toString().substring(0, 6);
        String withdrawn = DemoApi.openRequest(withdrawnTitle, false);
        assertThat(DemoApi.send(
                                "investor",
                                "PUT",
                                "/financing-requests/" + withdrawn + "/interests",
                                "{\"note\": \"想先了解回报方式。\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(DemoApi.send("enterprise", "POST", "/financing-requests/" + withdrawn + "/withdrawal", "")
                        .statusCode())
                .isEqualTo(200);
        page.navigate(console() + "/interests");
        Locator gone =
                page.locator("#my-interests tbody tr").filter(new Locator.FilterOptions().setHasText("想先了解回报方式。"));
        assertThat(gone).containsText("该项目已不对您公开");
        assertThat(gone.locator("a")).hasCount(0);
        assertThat(page.locator("main")).not().containsText(withdrawnTitle);
        assertAccessible();
        shot("investor-interests-zh");

        page.navigate(console() + "/investor/products");
        assertThat(page.locator("tbody")).containsText("乡贤回归产业基金");
        assertAccessible();
        page.navigate(console() + "/investor/products/new");
        assertAccessible();
        page.locator("#name").fill("返乡创业跟投");
        page.locator("#ticketMinWan").fill("500");
        page.locator("#ticketMaxWan").fill("100");
        page.locator("button", new Page.LocatorOptions().setHasText("保存为草稿")).click();
        assertThat(page.locator("#ticketMinWan-error")).hasText("不能大于最大值");
        assertThat(page.locator(".field.invalid #ticketMinWan")).isVisible();
        assertAccessible();
        shot("investor-product-form-400-zh");
        page.locator("#ticketMaxWan").fill("1000");
        page.locator("button", new Page.LocatorOptions().setHasText("保存为草稿")).click();
        assertThat(page.locator(".notice-success")).hasText("已保存“返乡创业跟投”。");
        page.locator("tr", new Page.LocatorOptions().setHasText("返乡创业跟投"))
                .locator("a", new Locator.LocatorOptions().setHasText("修改"))
                .click();
        assertThat(page.locator("h1")).hasText("修改投资方案：返乡创业跟投");
        assertThat(page.locator("#ticketMaxWan")).hasValue("1000");
        page.locator("#name").fill("返乡创业跟投计划");
        page.locator("button", new Page.LocatorOptions().setHasText("保存")).click();
        assertThat(page.locator(".notice-success")).hasText("已保存“返乡创业跟投计划”。");
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("返乡创业跟投计划"));
        assertThat(row).containsText("500 万元 – 1,000 万元");
        row.locator("button", new Locator.LocatorOptions().setHasText("上架")).click();
        assertThat(page.locator(".notice-success")).hasText("“返乡创业跟投计划”现在是：已上架。");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("返乡创业跟投计划")))
                .containsText("已上架");
        assertAccessible();

        screenshots("investor", INVESTOR_PAGES);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/shots/" + name + ".png"))
                .setFullPage(true));
    }

    private Locator bidCard(String bank) {
        return page.locator("article.guarantee-bid", new Page.LocatorOptions().setHasText(ownRequestTitle))
                .filter(new Locator.FilterOptions().setHasText(bank));
    }

    /** Each page in Chinese, then in English (for this browser session only: ?lang=, not the person's choice). */
    private void screenshots(String role, List<String> paths) {
        for (String language : List.of("zh", "en")) {
            for (String path : paths) {
                page.navigate(console() + path + "?lang=" + (language.equals("zh") ? "zh-CN" : "en"));
                String name = path.equals("/") ? "home" : path.substring(1).replaceAll("[/]", "-");
                name = name.replaceAll("-[0-9a-f-]{36}$", "");
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target/shots/" + role + "-" + name + "-" + language + ".png"))
                        .setFullPage(true));
                if (language.equals("en")) {
                    assertAccessible();
                }
            }
        }
        page.navigate(console() + "/?lang=zh-CN");
    }

    private final String ownRequestTitle =
            "漆艺文创园担保贷款 " + UUID.randomUUID().toString().substring(0, 6);

    /** A bank's bid on a request naming the county guarantor, made through the backend's API as test setup. */
    private static void bidNamingTheGuarantor(String requestId, String bank, long amountFen)
            throws IOException, InterruptedException {
        String body = """
                {"amountFen": %d, "annualRateBp": 450, "termMonths": 36, "feesFen": 0,
                 "validUntil": "%s",
                 "guarantee": {"guarantorOrganizationId": "%s", "guaranteeProductId": "%s"},
                 "riskSplit": {"bankShareBp": 5000, "guarantorShareBp": 3000, "fundShareBp": 2000}}""".formatted(
                        amountFen,
                        OffsetDateTime.now().plusDays(30).truncatedTo(ChronoUnit.SECONDS),
                        COUNTY_GUARANTOR,
                        POLICY_GUARANTEE);
        HttpResponse<String> answer = DemoApi.HTTP.send(
                HttpRequest.newBuilder(URI.create(DemoApi.backend() + "/financing-requests/" + requestId + "/bids"))
                        .header("Authorization", "Bearer " + DemoApi.userToken(bank))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
