package dev.duijie.console.oversight;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.RiskFundApi;
import dev.duijie.console.backend.model.RiskFund;
import dev.duijie.console.backend.model.RiskFundPolicy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 风险补偿基金: the government fund's risk-sharing policy and how much of it awards have reserved; the regulator
 * edits the policy (percentages and 万元 as people type them, sent as basis points and fen with the ETag read).
 */
@Controller
class RiskFundController {

    /** The form's fields, as typed: shares in percent, capacity in 万元. */
    public static final class PolicyForm {
        private String maxFundShare = "";
        private String minBankShare = "";
        private String firstLoanBonus = "";
        private String ipPledgeBonus = "";
        private String capacityWan = "";
        private String version = "";

        public String getMaxFundShare() {
            return maxFundShare;
        }

        public void setMaxFundShare(String value) {
            maxFundShare = value;
        }

        public String getMinBankShare() {
            return minBankShare;
        }

        public void setMinBankShare(String value) {
            minBankShare = value;
        }

        public String getFirstLoanBonus() {
            return firstLoanBonus;
        }

        public void setFirstLoanBonus(String value) {
            firstLoanBonus = value;
        }

        public String getIpPledgeBonus() {
            return ipPledgeBonus;
        }

        public void setIpPledgeBonus(String value) {
            ipPledgeBonus = value;
        }

        public String getCapacityWan() {
            return capacityWan;
        }

        public void setCapacityWan(String value) {
            capacityWan = value;
        }

        public String getVersion() {
            return version;
        }

        public void setVersion(String value) {
            version = value;
        }

        static PolicyForm of(RiskFund fund, @Nullable String etag) {
            var form = new PolicyForm();
            form.maxFundShare = percent(fund.getMaxFundShareBp());
            form.minBankShare = percent(fund.getMinBankShareBp());
            form.firstLoanBonus = percent(fund.getFirstLoanBonusBp());
            form.ipPledgeBonus = percent(fund.getIpPledgeBonusBp());
            form.capacityWan = BigDecimal.valueOf(fund.getCapacityFen(), 6)
                    .stripTrailingZeros()
                    .toPlainString();
            form.version = etag == null ? "" : etag;
            return form;
        }

        private static String percent(Integer basisPoints) {
            return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
        }
    }

    /** The contract's field for each form field, so the backend's messages land beside the right one. */
    static final Map<String, String> FIELDS = Map.of(
            "maxFundShareBp", "maxFundShare",
            "minBankShareBp", "minBankShare",
            "firstLoanBonusBp", "firstLoanBonus",
            "ipPledgeBonusBp", "ipPledgeBonus",
            "capacityFen", "capacityWan");

    private final RiskFundApi riskFund;
    private final MessageSource messages;

    RiskFundController(RiskFundApi riskFund, MessageSource messages) {
        this.riskFund = riskFund;
        this.messages = messages;
    }

    @GetMapping("/risk-fund")
    String show(Model model) {
        var answer = riskFund.getRiskFund();
        RiskFund fund = answer.getBody();
        model.addAttribute("fund", FundView.of(fund));
        if (fund != null && !model.containsAttribute("form")) {
            model.addAttribute("form", PolicyForm.of(fund, answer.getHeaders().getETag()));
        }
        model.addAttribute("fieldMessages", Map.of());
        return "regulator/risk-fund";
    }

    @PostMapping("/risk-fund")
    String update(@ModelAttribute("form") PolicyForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer maxFund = basisPoints(form.maxFundShare, "maxFundShare", errors);
        Integer minBank = basisPoints(form.minBankShare, "minBankShare", errors);
        Integer firstLoan = basisPoints(form.firstLoanBonus, "firstLoanBonus", errors);
        Integer ipPledge = basisPoints(form.ipPledgeBonus, "ipPledgeBonus", errors);
        Long capacity = fen(form.capacityWan, errors);
        if (errors.isEmpty()
                && maxFund != null
                && minBank != null
                && firstLoan != null
                && ipPledge != null
                && capacity != null) {
            try {
                riskFund.updateRiskFund(
                        new RiskFundPolicy(maxFund, minBank, firstLoan, ipPledge, capacity),
                        form.version.isBlank() ? null : form.version);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/risk-fund";
            } catch (RestClientResponseException failure) {
                BackendProblem problem = BackendProblem.from(failure);
                if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
                    throw failure;
                }
                problem.fieldErrors().forEach((field, message) -> {
                    String formField = FIELDS.get(field);
                    if (formField != null) {
                        errors.merge(formField, message, (first, next) -> first + "；" + next);
                    }
                });
                model.addAttribute("problem", problem);
                model.addAttribute("otherErrors", problem.otherFieldErrors(List.copyOf(FIELDS.keySet())));
            }
        } else {
            model.addAttribute("invalidInput", true);
        }
        model.addAttribute("fund", FundView.of(riskFund.getRiskFund().getBody()));
        model.addAttribute("fieldMessages", errors);
        return "regulator/risk-fund";
    }

    /** "50" or "12.5" (percent) → basis points, exactly; more than two decimals is not a share people set. */
    @Nullable
    Integer basisPoints(String typed, String field, Map<String, String> errors) {
        BigDecimal value = number(typed);
        if (value == null || value.scale() > 2 || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.put(field, text("regulator.fund.error.percent"));
            return null;
        }
        return value.movePointRight(2).intValueExact();
    }

    /** "3000" or "12.5" (万元) → fen, exactly; finer than one fen is refused. */
    @Nullable
    Long fen(String typed, Map<String, String> errors) {
        BigDecimal value = number(typed);
        if (value == null
                || value.scale() > 6
                || value.signum() < 0
                || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            errors.put("capacityWan", text("regulator.fund.error.wan"));
            return null;
        }
        return value.movePointRight(6).longValueExact();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static @Nullable BigDecimal number(String typed) {
        String plain = typed.strip().replace(",", "").replace("，", "");
        if (!plain.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(plain);
    }
}
