package dev.duijie.console.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's unverified firm: it may draft but not publish, and is told why; the county finance office verifies it
 * (USCC shown, a confirmation, the audit trail saying who did it); then the same draft publishes. One journey, because
 * every step changes what the next one sees.
 */
class VerificationJourneyIT extends BrowserTest {

    private static final String NEWFIRM = "东河老腊肉食品厂";
    private static final String NEWFIRM_ID = "00000000-0000-4000-8000-000000000102";

    @Test
    void givenTheUnverifiedDemoFirm_whenTheRegulatorVerifiesIt_thenItsRefusedDraftPublishes() {
        List<String> asked = new ArrayList<>();
        page.onDialog(dialog -> {
            asked.add(dialog.message());
            dialog.accept();
        });

        // the unverified firm drafts, and publishing is refused with the reason
        signInAs("newfirm", "/");
        assertThat(page.locator(".empty h2")).hasText("发布您的第一条融资需求");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("发布第一条融资需求"))
                .click();
        page.getByLabel("需求标题").fill("腊肉熏制车间扩建");
        page.getByLabel("资金用途").fill("新建熏制车间");
        page.getByLabel("融资金额").fill("50");
        page.getByLabel("期限").fill("12");
        page.getByLabel("可接受的最高年利率").fill("5.5");
        page.locator("#industry").selectOption("cured-pork");
        page.locator("#region").selectOption("donghe");
        page.getByLabel("无抵押（信用）").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))
                .click();
        assertThat(page.locator(".notice-warn")).containsText("还没有通过县金融办的资质审核");
        String draft = page.url().replaceAll("\\?.*", "");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布，开始接受出价"))
                .click();
        assertThat(page.locator("#action-problem")).containsText("认证");
        assertThat(page.locator(".page-head .chip")).hasText("草稿");
        assertAccessible();

        // the county finance office verifies it
        context.clearCookies();
        signInAs("regulator");
        assertThat(page.locator("h1")).hasText("县金融办工作台");
        assertThat(page.locator("main")).containsText("等待最久的是“" + NEWFIRM + "”");
        assertAccessible();

        page.locator("nav.mainnav").getByText("机构审核").click();
        Locator firm = page.locator("article.reg-org").filter(new Locator.FilterOptions().setHasText(NEWFIRM));
        assertThat(firm).containsText("92610900MA0000102A");
        assertThat(firm).containsText("校验通过");
        assertThat(firm).containsText("东河镇");
        assertAccessible();

        firm.getByLabel("我已核对该机构的营业执照").check();
        firm.getByLabel("备注（可不填）").fill("核对了营业执照原件");
        firm.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();

        assertThat(page.locator(".notice-success")).containsText("已审核通过：" + NEWFIRM);
        assertThat(asked).anyMatch(question -> question.contains(NEWFIRM));
        assertThat(page.locator("article.reg-org").filter(new Locator.FilterOptions().setHasText(NEWFIRM)))
                .hasCount(0);
        Locator verifiedRow =
                page.locator("#verified-organizations tr").filter(new Locator.FilterOptions().setHasText(NEWFIRM));
        assertThat(verifiedRow).containsText("92610900MA0000102A");
        assertThat(verifiedRow).containsText("校验通过");
        assertAccessible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/shots/regulator-organizations-zh.png"))
                .setFullPage(true));

        page.locator("nav.mainnav").getByText("审计记录").click();
        page.getByLabel("对象类别").selectOption("organization");
        page.getByLabel("对象编号").fill(NEWFIRM_ID);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选"))
                .click();
        Locator verification = page.locator("article.reg-event").first();
        assertThat(verification.locator("h2")).hasText("机构审核通过 · " + NEWFIRM);
        assertThat(verification).containsText("县金融工作办公室");
        assertThat(verification.locator("table.reg-diff")).containsText("审核时间");
        assertAccessible();

        // the same draft now publishes
        context.clearCookies();
        signInAs("newfirm", draft.substring(console().length()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布，开始接受出价"))
                .click();
        assertThat(page.locator(".page-head .chip")).hasText("征集中");
        assertAccessible();
    }
}
