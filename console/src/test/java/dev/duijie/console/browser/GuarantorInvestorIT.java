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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        String requestId = openRequestWantingAGuarantee();
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
        bidCard("秦巴村镇银行")
                .locator("button", new Locator.LocatorOptions().setHasText("拒绝担保"))
                .click();
        assertThat(page.locator(".notice-success")).hasText("已拒绝为秦巴村镇银行的贷款提供担保。");
        assertThat(page.locator("article.guarantee-bid", new Page.LocatorOptions().setHasText(ownRequestTitle)))
                .hasCount(0);
        Locator decided = page.locator("tr", new Page.LocatorOptions().setHasText(ownRequestTitle));
        assertThat(decided.filter(new Locator.FilterOptions().setHasText("县农村商业银行")))
                .containsText("已确认担保");
        assertThat(decided.filter(new Locator.FilterOptions().setHasText("秦巴村镇银行")))
                .containsText("已拒绝担保");
        assertAccessible();

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
    }

    @Test
    void givenAnInvestorWithALiveOffer_whenItOpensItsInbox_thenItSeesFittingProjectsWithWhyAndExpressesInterest() {
        page.onDialog(dialog -> dialog.accept());
        // signs in on a light page first: the home page asks the backend for matches, slow on a loaded machine
        signInAs("investor", "/interests");
        assertAccessible();
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

    /** The demo firm's new request wanting a guarantee, drafted and published through the API as test setup. */
    private String openRequestWantingAGuarantee() throws IOException, InterruptedException {
        String draft = """
                {"title": "%s", "purpose": "漆艺文创园装修", "amountFen": 300000000, "termMonths": 36,
                 "industry": "lacquer-craft", "region": "chengguan", "collateralOffered": ["equipment"],
                 "guaranteeWanted": true, "maxAnnualRateBp": 480}""".formatted(ownRequestTitle);
        String enterprise = DemoApi.userToken("enterprise");
        HttpResponse<String> created = DemoApi.HTTP.send(
                HttpRequest.newBuilder(URI.create(DemoApi.backend() + "/financing-requests"))
                        .header("Authorization", "Bearer " + enterprise)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(draft))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\s*:\s*\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        HttpResponse<String> published = DemoApi.HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(DemoApi.backend() + "/financing-requests/" + id.group(1) + "/publish"))
                        .header("Authorization", "Bearer " + enterprise)
                        .header("Content-Type", "application/json")
                        .header("If-Match", created.headers().firstValue("ETag").orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"bidDeadline\": \""
                                + OffsetDateTime.now().plusDays(20).truncatedTo(ChronoUnit.SECONDS) + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id.group(1);
    }

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
