package dev.duijie.dashboard.web;

import dev.duijie.api.DashboardsApi;
import dev.duijie.api.dto.CampaignHiresDto;
import dev.duijie.api.dto.FinancingDashboardDto;
import dev.duijie.api.dto.FinancingFiguresDto;
import dev.duijie.api.dto.FinancingRowDto;
import dev.duijie.api.dto.TalentDashboardDto;
import dev.duijie.api.dto.TalentFiguresDto;
import dev.duijie.api.dto.TalentRowDto;
import dev.duijie.dashboard.Dashboards;
import dev.duijie.security.Callers;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DashboardsController implements DashboardsApi {

    private final Dashboards dashboards;

    DashboardsController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @Override
    public ResponseEntity<FinancingDashboardDto> getFinancingDashboard(String fromMonth, String toMonth) {
        Dashboards.Financing financing =
                dashboards.financing(Callers.current(), Dashboards.Window.of(fromMonth, toMonth));
        return ResponseEntity.ok(new FinancingDashboardDto()
                .fromMonth(fromMonth)
                .toMonth(toMonth)
                .rows(financing.rows().entrySet().stream()
                        .map(row -> new FinancingRowDto()
                                .month(row.getKey().month())
                                .industry(row.getKey().industry())
                                .region(row.getKey().region())
                                .figures(figures(row.getValue())))
                        .toList())
                .total(figures(financing.total())));
    }

    @Override
    public ResponseEntity<TalentDashboardDto> getTalentDashboard(String fromMonth, String toMonth) {
        Dashboards.Talent talent = dashboards.talent(Callers.current(), Dashboards.Window.of(fromMonth, toMonth));
        return ResponseEntity.ok(new TalentDashboardDto()
                .fromMonth(fromMonth)
                .toMonth(toMonth)
                .rows(talent.rows().entrySet().stream()
                        .map(row -> new TalentRowDto()
                                .month(row.getKey().month())
                                .industry(row.getKey().industry())
                                .region(row.getKey().region())
                                .figures(figures(row.getValue())))
                        .toList())
                .total(figures(talent.total()))
                .hiresByCampaign(talent.hiresByCampaign().stream()
                        .map(campaign -> new CampaignHiresDto()
                                .campaignId(campaign.campaignId())
                                .theme(campaign.theme())
                                .hires(campaign.hires()))
                        .toList()));
    }

    private static FinancingFiguresDto figures(Dashboards.FinancingFigures figures) {
        return new FinancingFiguresDto()
                .requests(figures.requests())
                .requestedFen(figures.requestedFen())
                .awardedRequests(figures.awardedRequests())
                .awardedFen(figures.awardedFen())
                .bids(figures.bids())
                .bidsPerRequest(figures.requests() == 0 ? null : (double) figures.bids() / figures.requests())
                .requestsWithBid(figures.requestsWithBid())
                .shareWithBidBp(
                        figures.requests() == 0 ? 0 : (int) (figures.requestsWithBid() * 10_000 / figures.requests()))
                .medianResponseSeconds(
                        figures.medianResponse().map(Duration::toSeconds).orElse(null));
    }

    private static TalentFiguresDto figures(Dashboards.TalentFigures figures) {
        return new TalentFiguresDto()
                .needs(figures.needs())
                .places(figures.places())
                .applications(figures.applications())
                .hires(figures.hires())
                .referralHires(figures.referralHires());
    }
}
