package dev.duijie.financing;

import dev.duijie.search.ChineseWords;
import dev.duijie.search.IndexedDocuments;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** How a financing request looks in the search index: only while it is on the market. */
@Component
public class FinancingRequestDocuments implements IndexedDocuments {

    private final FinancingRequests requests;
    private final ChineseWords chineseWords;
    private final Clock clock;

    FinancingRequestDocuments(FinancingRequests requests, ChineseWords chineseWords, Clock clock) {
        this.requests = requests;
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
        return requests.findAll(ids).stream()
                .collect(Collectors.toMap(
                        FinancingRequest::id,
                        request -> new Current(
                                request.version(), request.onTheMarket(clock.instant()) ? document(request) : null)));
    }

    @Override
    public List<UUID> candidateIds() {
        return requests.openIds();
    }

    private Map<String, Object> document(FinancingRequest request) {
        RequestContent content = request.content();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", request.id().toString());
        document.put("organizationId", request.organizationId().toString());
        if (request.organizationTier() != null) {
            document.put("organizationTier", request.organizationTier());
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
