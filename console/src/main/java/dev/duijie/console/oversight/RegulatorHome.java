package dev.duijie.console.oversight;

import dev.duijie.console.backend.api.AuditApi;
import dev.duijie.console.backend.api.RiskFundApi;
import dev.duijie.console.backend.model.AuditEventPage;
import dev.duijie.console.home.RoleHome;
import dev.duijie.console.signin.Person;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The regulator's home: who waits for verification, how much of the risk fund is left, what changed lately. */
@Component
class RegulatorHome implements RoleHome {

    private final OrganizationDirectory directory;
    private final RiskFundApi riskFund;
    private final AuditApi audit;

    RegulatorHome(OrganizationDirectory directory, RiskFundApi riskFund, AuditApi audit) {
        this.directory = directory;
        this.riskFund = riskFund;
        this.audit = audit;
    }

    @Override
    public String role() {
        return "regulator";
    }

    @Override
    public String show(Person person, Model model) {
        var everyone = directory.everyone();
        var waiting = everyone.waiting();
        model.addAttribute("waitingCount", waiting.size());
        model.addAttribute("oldestWaiting", waiting.isEmpty() ? null : waiting.getFirst());
        model.addAttribute("fund", FundView.of(riskFund.getRiskFund().getBody()));
        AuditEventPage recent = audit.listAuditEvents(null, null, null, null, null, null, null, 5)
                .getBody();
        model.addAttribute(
                "recentEvents", AuditView.of(recent == null ? List.of() : recent.getItems(), everyone.names()));
        return "regulator/home";
    }
}
