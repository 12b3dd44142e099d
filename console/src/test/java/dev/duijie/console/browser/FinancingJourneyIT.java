package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One request worked by everyone it concerns, each in their own browser session: the firm drafts and publishes it;
 * bank A finds it in its inbox and bids with a guarantor and a fund share; the guarantor confirms; bank B bids;
 * the firm compares and accepts bank A's bid, and reads who did what in the request's history; bank B sees its bid
 * not chosen, and at no point saw bank A's.
 */
class FinancingJourneyIT extends BrowserTest {

    private static final String BANK_A = "县农村商业银行";
    private static final String BANK_A_RATE = "4.15%";
    private static final String BANK_B = "秦巴村镇银行";

    @Test
    void givenAFirmTwoBanksAndAGuarantor_whenTheyWorkOneRequest_thenTheFirmAwardsItAndNoBankSeesTheOthersBid() {
        page.onDialog(dialog -> dialog.accept());
        String title = "漆器出口订单贷款 " + UUID.randomUUID().toString().substring(0, 6);

        // the firm drafts and publishes
        signInAs("enterprise", "/requests/new");
        page.getByLabel("需求标题").fill(title);
        page.getByLabel("资金用途").fill("出口订单备料和包装");
        page.getByLabel("融资金额").fill("300");
        page.getByLabel("期限").fill("36");
        page.getByLabel("可接受的最高年利率").fill("4.8");
        page.locator("#industry").selectOption("lacquer-craft");
        page.locator("#region").selectOption("chengguan");
        page.getByLabel("机器设备抵押").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))
                .click();
        assertThat(page.locator("h1")).hasText(title);
        String requestId = page.url().replaceAll("\\?.*", "").replaceAll(".*/", "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布，开始接受出价"))
                .click();
        assertThat(page.locator(".page-head .chip")).hasText("征集中");
        assertAccessible();

        // bank A finds it in its inbox and bids with the county guarantor and the fund
        signInAgainAs("bank-a", "/inbox");
        Locator match = page.locator("li.match").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(match.locator(".why svg.bar").first()).isVisible();
        assertAccessible();
        match.locator("h3 a").click();
        assertThat(page.locator("h1")).hasText(title);
        page.locator("#amount").fill("300");
        page.locator("#rate").fill(BANK_A_RATE.replace("%", ""));
        page.locator("#term").fill("36");
        page.locator("#fees").fill("0");
        String countyGuarantee = page.locator("#guarantee option")
                .filter(new Locator.FilterOptions().setHasText("县融资担保有限公司"))
                .first()
                .getAttribute("value");
        page.locator("#guarantee").selectOption(countyGuarantee);
        page.locator("#bankShare").fill("30");
        page.locator("#guarantorShare").fill("30");
        page.locator("#fundShare").fill("40");
        assertThat(page.locator("#total-cost")).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交出价"))
                .click();
        assertThat(page.locator(".notice-success")).containsText("出价已提交");

        // the guarantor confirms the bid that names it
        signInAgainAs("guarantor", "/guarantees");
        Locator asked = page.locator("article.guarantee-bid").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(asked).containsText(BANK_A);
        assertAccessible();
        asked.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认担保"))
                .click();
        assertThat(page.locator(".notice-success")).containsText("已确认为" + BANK_A);

        // bank B bids on the same request and sees nothing of bank A's bid
        signInAgainAs("bank-b", "/market/requests/" + requestId);
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("main")).not().containsText(BANK_A);
        assertThat(page.locator("main")).not().containsText(BANK_A_RATE);
        assertAccessible();
        page.locator("#amount").fill("300");
        page.locator("#rate").fill("4.7");
        page.locator("#term").fill("36");
        page.locator("#fees").fill("0");
        page.locator("#bankShare").fill("70");
        page.locator("#guarantorShare").fill("0");
        page.locator("#fundShare").fill("30");
        assertThat(page.locator("#total-cost")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交出价"))
                .click();
        assertThat(page.locator(".notice-success")).containsText("出价已提交");
        // its response clock has stopped: the request page says how long it took to answer
        page.navigate(console() + "/market/requests/" + requestId);
        assertThat(page.locator(".clock")).containsText("贵行答复这笔需求用时");

        // the firm compares the two side by side and accepts bank A's
        signInAgainAs("enterprise", "/requests/" + requestId);
        Locator bids =
                page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(page.locator("svg.split")));
        assertThat(bids).hasCount(2);
        assertThat(page.locator("main .chip", new Page.LocatorOptions().setHasText("成本最低")))
                .hasCount(1);
        Locator bankA = bids.filter(new Locator.FilterOptions().setHasText(BANK_A));
        assertThat(bankA).containsText(BANK_A_RATE);
        assertAccessible();
        bankA.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("接受" + BANK_A + "的出价"))
                .click();
        assertThat(page.locator(".page-head .chip")).hasText("已成交");

        // the firm's history of it, newest first: who did what, its own steps as its own person's
        Locator history = page.locator("#history-list > li");
        assertThat(history).hasCount(8);
        assertThat(history.first()).containsText("需求成交");
        assertThat(history.nth(1)).containsText(BANK_B + "的出价未被选中");
        assertThat(history.nth(2)).containsText("接受了" + BANK_A + "的出价");
        assertThat(history.nth(2)).containsText("（您本人）");
        assertThat(history.filter(new Locator.FilterOptions().setHasText("确认为" + BANK_A + "的出价提供担保")))
                .containsText("县融资担保有限公司");
        assertThat(history.filter(new Locator.FilterOptions().setHasText("提交了出价")))
                .hasCount(2);
        assertThat(history.last()).containsText("创建了草稿");
        assertAccessible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/shots/journey-request-history-zh.png"))
                .setFullPage(true));

        // bank B: its bid was not chosen, and nowhere does it see bank A's
        signInAgainAs("bank-b", "/bids");
        Locator mine = page.locator("#my-bids tbody tr").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(mine).containsText("未被选中");
        assertThat(page.locator("main")).not().containsText(BANK_A_RATE);
        assertAccessible();
        page.navigate(console() + "/market/requests/" + requestId);
        assertThat(page.locator("main")).not().containsText(BANK_A_RATE);
    }

    private void signInAgainAs(String username, String path) {
        context.clearCookies();
        signInAs(username, path);
    }
}
