package dev.duijie.talent;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the talent side needs to know of campaigns, answered by the campaign feature (which owns them):
 * whether an application may name a campaign, and which talents accepted a campaign's invitation to a need.
 */
public interface CampaignLinks {

    /**
     * Whether the campaign exists with the need curated into it: {@code null} when not, else whether it is
     * active. Share-locks the campaign for the caller's transaction, so it cannot close (and freeze its
     * results) before the application commits.
     */
    @Nullable
    Boolean lockCampaignWithNeed(UUID campaignId, UUID needId);

    /** Which of these talents accepted a campaign's invitation to one of the organization's needs. */
    Set<UUID> acceptedInvitations(UUID organizationId, Collection<UUID> talentProfileIds);
}
