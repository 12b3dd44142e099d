package dev.duijie.bidding;

import dev.duijie.audit.AuditTrail;
import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.ProblemType;
import dev.duijie.shared.Quantity;
import dev.duijie.shared.Role;
import dev.duijie.shared.Versions;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The regulator's settings of the risk-compensation fund; everyone signed in may read them. */
@Service
public class RiskFundService {

    private final RiskFunds riskFunds;
    private final AuditTrail audit;
    private final Clock clock;

    RiskFundService(RiskFunds riskFunds, AuditTrail audit, Clock clock) {
        this.riskFunds = riskFunds;
        this.audit = audit;
        this.clock = clock;
    }

    public RiskFund current() {
        return riskFunds.current();
    }

    @Transactional
    public RiskFund update(Caller caller, long expectedVersion, RiskFundPolicy policy) {
        caller.requireAnyRole(Role.REGULATOR);
        RiskFund before = riskFunds.lock();
        Versions.check(expectedVersion, before.version());
        if (policy.capacityFen() < before.reservedFen()) {
            throw DomainProblem.invalidField(
                    "capacityFen", "field.capacity.below-reserved", Quantity.fen(before.reservedFen()));
        }
        if (policy.maxFundShareBp() + policy.minBankShareBp() > 10_000) {
            throw DomainProblem.invalidField("minBankShareBp", "field.risk-fund.shares-exceed-whole");
        }
        if (!riskFunds.update(policy, before.version(), clock.instant(), caller.subject())) {
            throw new DomainProblem(ProblemType.STALE_VERSION, "problem.detail.stale-version");
        }
        RiskFund after = riskFunds.current();
        audit.record(caller, "risk-fund.policy-changed", "risk-fund", RiskFund.AUDIT_ID, before, after);
        return after;
    }
}
