package dev.duijie.financing;

import dev.duijie.organization.OrganizationService;
import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How a financing request looks in the search index: only while it is on the market. */
@Component
public class FinancingRequestDocuments implements IndexedDocuments {

    private final FinancingRequests requests;
    private final OrganizationService organizations;
    private final ChineseWords chineseWords;
    private final Clock clock;

    FinancingRequestDocuments(FinancingRequests requests, OrganizationService organizations, ChineseWords chineseWords,
            Clock clock) {
        this.requests = requests;
        this.organizations = organizations;
        this.chineseWords = chineseWords;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "financing-requests";
    }

    @Override
    public int mappingVersion() {
        return 2;
    }

    @Override
    public Map<UUID, Current> current(Collection<UUID> ids) {
        List<FinancingRequest> found = requests.findAll(ids);
        Map<UUID, String> tiers = organizations.tiers(found.stream().map(FinancingRequest::organizationId).toList());
        return found.stream().collect(Collectors.toMap(FinancingRequest::id, request -> new Current(request.version(),
                request.onTheMarket(clock.instant()) ? document(request, tiers.get(request.organizationId())) : null)));
    }

    @Override
    public List<UUID> candidateIds() {
        return requests.openIds();
    }

    private Map<String, Object> document(FinancingRequest request, @Nullable String organizationTier) {
        RequestContent content = request.content();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", request.id().toString());
        document.put("organizationId", request.organizationId().toString());
        if (organizationTier != null) {
            document.put("organizationTier", organizationTier);
        }
        document.put("title", chineseWords.segmented(content.title()));
        document.put("purpose", chineseWords.segmented(content.purpose()));
        document.put("description", chineseWords.segmented(content.description()));
        document.put("amountFen", content.amountFen());
        document.put("termMonths", content.termMonths());
        document.put("industry", content.industry());
        document.put("region", content.region());
        document.put("collateralOffered", content.collateralOffered());
        document.put("guaranteeWanted", content.guaranteeWanted());
        document.put("maxAnnualRateBp", content.maxAnnualRateBp());
        document.put("bidDeadline", String.valueOf(request.bidDeadline()));
        document.put("publishedAt", String.valueOf(request.publishedAt()));
        document.put("version", request.version());
        return document;
    }
}
