package dev.duijie.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A campaign's figures in total, by industry and by need, and its views (talents who opened it); frozen (kept
 * as they were) once it closed.
 */
public record CampaignResults(
        UUID campaignId,
        boolean frozen,
        Instant asOf,
        int views,
        Figures total,
        List<ByIndustry> byIndustry,
        List<ByNeed> byNeed) {

    public record Figures(int invitations, int acceptances, int applications, int hires) {

        static final Figures NONE = new Figures(0, 0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(
                    invitations + other.invitations,
                    acceptances + other.acceptances,
                    applications + other.applications,
                    hires + other.hires);
        }
    }

    public record ByIndustry(String industry, Figures figures) {}

    public record ByNeed(UUID needId, String needTitle, String industry, Figures figures) {}

    CampaignResults frozenAt(Instant closedAt) {
        return new CampaignResults(campaignId, true, closedAt, views, total, byIndustry, byNeed);
    }
}
