package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A loan officer's day: the inbox, a request, a bid priced live and made by keyboard, a pass with its reason, my
 * bids, my products.
 */
class BankIT extends BrowserTest {

    private static final String REQUEST_TITLE = "漆器生产线技术改造贷款";

    @Test
    void givenBankA_whenItBidsByKeyboardWithAGuarantorAndTheFund_thenTheCalculatorFollowsAndBankBSeesNoTrace() {
        page.onDialog(dialog -> dialog.accept());
        signInAs("bank-a", "/inbox");
        assertThat(page.locator("h1")).hasText("待办收件箱");
        Locator match = page.locator("li.match").filter(new Locator.FilterOptions().setHasText(REQUEST_TITLE));
        assertThat(match.first().locator(".why li").first()).isVisible();
        assertThat(match.first().locator(".why svg.bar").first()).isVisible();
        assertAccessible();
        shot("inbox-zh");

        match.first().locator("h3 a").click();
        assertThat(page.locator("h1")).hasText(REQUEST_TITLE);
        assertThat(page.locator(".clock")).containsText("已等待贵行答复");
        assertThat(page.locator("#total-cost")).isVisible();
        assertAccessible();
        String requestUrl = page.url();

        // by keyboard alone: amount → rate → term → fees → product → guarantee → the three shares
        page.locator("#amount").focus();
        retype("300");
        tab("rate");
        retype("4.2");
        tab("term");
        tab("fees");
        retype("3000");
        tab("loanProductId");
        page.keyboard().press("ArrowDown");
        tab("guarantee");
        page.keyboard().press("ArrowDown");
        tab("bankShare");
        retype("30");
        tab("guarantorShare");
        retype("30");
        tab("fundShare");
        retype("40");
        assertThat(page.locator("#guarantee")).not().hasValue("");
        assertThat(page.locator("#calculator")).containsText("担保公司最多承担 80%");
        assertThat(page.locator("#fund-cap")).containsText("50%");
        String cost = page.locator("#total-cost").innerText();

        page.locator("#rate").focus();
        retype("4.5");
        assertThat(page.locator("#total-cost")).not().hasText(cost);
        shot("request-zh");

        // shares not making 100 %: the backend's message beside the shares, no figures
        page.locator("#fundShare").focus();
        retype("50");
        assertThat(page.locator("#err-shares")).containsText("100%");
        assertThat(page.locator("#total-cost")).hasCount(0);
        retype("40");
        assertThat(page.locator("#total-cost")).isVisible();

        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/bids$"));
        assertThat(page.locator(".notice-success")).containsText("出价已提交");
        Locator row = page.locator("#my-bids tbody tr").filter(new Locator.FilterOptions().setHasText(REQUEST_TITLE));
        assertThat(row).containsText("4.5%");
        assertThat(row).containsText("县融资担保有限公司");
        assertThat(row).containsText("等担保公司确认");
        assertThat(row).containsText("基金 40%");
        assertAccessible();
        shot("bids-zh");

        // the same screens in English for this browser session only (?lang=en; the person's choice stays Chinese)
        page.navigate(console() + "/bids?lang=en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        shot("bids-en");
        page.navigate(console() + "/inbox");
        shot("inbox-en");
        page.navigate(requestUrl);
        assertThat(page.locator("#my-bid")).hasText("Your bid");
        shot("request-with-bid-en");

        // bank B on the same request: the form, and nothing of bank A's bid
        page.context().clearCookies();
        signInAs("bank-b", requestUrl.substring(console().length()));
        assertThat(page.locator("h1")).hasText(REQUEST_TITLE);
        assertThat(page.locator("#bid-form")).isVisible();
        assertThat(page.locator("main")).not().containsText("县农村商业银行");
        assertThat(page.locator("main")).not().containsText("4.5%");
        assertThat(page.locator("#my-bid")).hasCount(0);
        assertAccessible();
        page.navigate(console() + "/bids");
        assertThat(page.locator("main")).not().containsText(REQUEST_TITLE);
        assertAccessible();
        page.navigate(requestUrl + "?lang=en");
        shot("request-en");
    }

    @Test
    void givenARequestItWillNotFund_whenBankBPassesSayingWhy_thenTheRequestPageShowsWhenAndWhy() throws Exception {
        // a request of its own: a pass is the bank's first answer for good, and other classes use the demo requests
        String title = "漆器展厅装修贷款 " + UUID.randomUUID().toString().substring(0, 6);
        String requestId = DemoApi.openRequest(title, false);
        page.onDialog(dialog -> dialog.accept());
        signInAs("bank-b", "/market/requests/" + requestId);
        assertThat(page.locator("h1")).hasText(title);
        Locator pass = page.locator("#pass-form");

        // no reason chosen: the console asks for one
        pass.locator("button", new Locator.LocatorOptions().setHasText("不出价")).click();
        assertThat(page.locator("#err-pass-reason")).hasText("请选择不出价的原因。");
        // "other" without a note: the backend's message beside the note
        pass.getByLabel("其他（请在说明中写明）").check();
        pass.locator("button", new Locator.LocatorOptions().setHasText("不出价")).click();
        assertThat(page.locator("#err-pass-note")).hasText("原因选“其他”时须填写说明");
        assertThat(pass.getByLabel("其他（请在说明中写明）")).isChecked();
        assertAccessible();
        shot("request-pass-400-zh");

        pass.getByLabel("本行目前没有可用额度").check();
        pass.getByLabel("说明（选填）").fill("本季度小微贷款额度已用完，下季度可再联系");
        pass.locator("button", new Locator.LocatorOptions().setHasText("不出价")).click();
        page.waitForURL(Pattern.compile(".*/market/requests/" + requestId + "$"));
        assertThat(page.locator("#passed")).containsText("表示不出价：本行目前没有可用额度。");
        assertThat(page.locator("#passed")).containsText("说明：本季度小微贷款额度已用完，下季度可再联系");
        assertThat(page.locator("#pass-form")).hasCount(0);
        assertThat(page.locator(".clock")).hasCount(0); // answered: no longer waiting
        assertAccessible();
        shot("request-passed-zh");

        // the answer is the bank's record, not a one-time message: it is there on the next visit too
        page.reload();
        assertThat(page.locator("#passed")).containsText("表示不出价：本行目前没有可用额度。");
        assertThat(page.locator("#passed")).containsText("说明：本季度小微贷款额度已用完，下季度可再联系");
        assertThat(page.locator("#pass-form")).hasCount(0);
        assertThat(page.locator(".clock")).hasCount(0);
    }

    @Test
    void givenBankA_whenItCreatesAProductAndPausesIt_thenTheListShowsEachStatus() {
        page.onDialog(dialog -> dialog.accept());
        signInAs("bank-a", "/products");
        assertThat(page.locator("h1")).hasText("我的贷款产品");
        assertAccessible();

        page.locator("a[href='/products/new']").first().click();
        assertThat(page.locator("h1")).hasText("新建贷款产品");
        assertAccessible();
        String name = "设备更新贷 " + System.nanoTime() % 100_000;
        page.locator("#name").fill(name);
        page.locator("#amountMin").fill("10");
        page.locator("#amountMax").fill("200");
        page.locator("#rateMin").fill("3.9");
        page.locator("#rateMax").fill("5.2");
        page.locator("input[name=industries][value=lacquer-craft]").check();
        page.locator("input[name=policyTags][value=first_loan]").check();
        page.locator("button[type=submit].button-primary").click();

        page.waitForURL(Pattern.compile(".*/products$"));
        Locator row = page.locator("#products tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("草稿");
        assertThat(row).containsText("10 万元 – 200 万元");
        row.getByText("上架").click();
        assertThat(row).containsText("在售");
        row.getByText("暂停").click();
        assertThat(row).containsText("已暂停");
        assertAccessible();
        shot("products-zh");
        page.navigate(console() + "/products?lang=en");
        shot("products-en");
    }

    private void retype(String text) {
        page.keyboard().press("Control+A");
        page.keyboard().type(text);
    }

    /** Tab once and check where the focus went: the form's tab order is the reading order. */
    private void tab(String expectedId) {
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo(expectedId);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/shots/bank-" + name + ".png"))
                .setFullPage(true));
    }
}
