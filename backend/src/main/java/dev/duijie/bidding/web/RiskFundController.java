package dev.duijie.bidding.web;

import dev.duijie.api.RiskFundApi;
import dev.duijie.api.dto.RiskFundDto;
import dev.duijie.api.dto.RiskFundPolicyDto;
import dev.duijie.bidding.RiskFund;
import dev.duijie.bidding.RiskFundPolicy;
import dev.duijie.bidding.RiskFundService;
import dev.duijie.security.Callers;
import dev.duijie.shared.Role;
import dev.duijie.shared.Versions;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RiskFundController implements RiskFundApi {

    private final RiskFundService riskFund;

    RiskFundController(RiskFundService riskFund) {
        this.riskFund = riskFund;
    }

    @Override
    public ResponseEntity<RiskFundDto> getRiskFund() {
        return withEtag(riskFund.current());
    }

    @Override
    public ResponseEntity<RiskFundDto> updateRiskFund(RiskFundPolicyDto body, @Nullable String ifMatch) {
        RiskFundPolicy policy = new RiskFundPolicy(
                body.getMaxFundShareBp(),
                body.getMinBankShareBp(),
                body.getFirstLoanBonusBp(),
                body.getIpPledgeBonusBp(),
                body.getCapacityFen());
        return withEtag(riskFund.update(Callers.current(), Versions.fromIfMatch(ifMatch), policy));
    }

    private static ResponseEntity<RiskFundDto> withEtag(RiskFund fund) {
        RiskFundPolicy policy = fund.policy();
        // reserved and available move with each award: a losing bank could read the winner's exposure off them
        boolean regulator = Callers.current().has(Role.REGULATOR);
        return ResponseEntity.ok()
                .eTag(Versions.etag(fund.version()))
                .body(new RiskFundDto()
                        .maxFundShareBp(policy.maxFundShareBp())
                        .minBankShareBp(policy.minBankShareBp())
                        .firstLoanBonusBp(policy.firstLoanBonusBp())
                        .ipPledgeBonusBp(policy.ipPledgeBonusBp())
                        .capacityFen(policy.capacityFen())
                        .reservedFen(regulator ? fund.reservedFen() : null)
                        .availableFen(regulator ? fund.availableFen() : null)
                        .version(fund.version())
                        .updatedAt(fund.updatedAt().atOffset(ZoneOffset.UTC)));
    }
}
