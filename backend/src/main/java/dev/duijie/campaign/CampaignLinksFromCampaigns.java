package dev.duijie.campaign;

import dev.duijie.shared.Columns;
import dev.duijie.talent.CampaignLinks;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The talent side's questions about campaigns, answered from the campaign tables. */
@Component
class CampaignLinksFromCampaigns implements CampaignLinks {

    private final JdbcClient jdbc;

    CampaignLinksFromCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable Boolean lockCampaignWithNeed(UUID campaignId, UUID needId) {
        // taken before the need's lock: the order every campaign change uses
        return jdbc.sql("""
                select c.status = 'active' from campaign c join campaign_need cn on cn.campaign_id = c.id
                where c.id = :campaignId and cn.need_id = :needId
                for share of c, cn""")
                .param("campaignId", campaignId)
                .param("needId", needId)
                .query(Boolean.class)
                .optional()
                .orElse(null);
    }

    @Override
    public Set<UUID> acceptedInvitations(UUID organizationId, Collection<UUID> talentProfileIds) {
        if (talentProfileIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select i.talent_profile_id from campaign_invitation i join talent_need_directory n on n.id = i.need_id
                 where n.organization_id = :organization and i.talent_profile_id in (:talents)
                   and i.status = 'accepted'""")
                .param("organization", organizationId)
                .param("talents", talentProfileIds)
                .query(Columns::id)
                .list());
    }
}
