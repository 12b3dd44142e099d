package dev.duijie.campaign;

/** Active from creation until the bureau closes it; closing freezes the results. */
public enum CampaignStatus {
    ACTIVE,
    CLOSED
}
