package dev.duijie.console.lending;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.MatchingApi;
import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.LoanProduct;
import dev.duijie.console.backend.model.MatchFactor;
import dev.duijie.console.backend.model.RequestMatch;
import dev.duijie.console.backend.model.RequestMatchList;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;

/** The bank's inbox: for each of its active loan products, the open requests the backend matches to it, best first. */
@Component
public class Inbox {

    private static final int PER_PRODUCT = 20;

    private final MatchingApi matching;
    private final LendingDesk desk;

    Inbox(MatchingApi matching, LendingDesk desk) {
        this.matching = matching;
        this.desk = desk;
    }

    /** One product's matches, or why they could not be read (e.g. the search index is down). */
    public record Section(
            LoanProduct product, List<Row> rows, @Nullable String problem) {

        public long unanswered() {
            return rows.stream().filter(row -> !row.bid()).count();
        }
    }

    /**
     * A match as the inbox shows it.
     *
     * @param bid whether this bank has a standing bid on it
     */
    public record Row(FinancingRequest request, double score, List<Factor> why, boolean bid) {}

    /** One reason, with its share of the score in percent for the bar; an eligibility fact adds nothing to it. */
    public record Factor(String factor, String explanation, int sharePercent, boolean scores) {}

    List<Section> sections() {
        return sections(desk.myBids());
    }

    /** The sections, given the bank's bids (read once by a page that shows them too). */
    List<Section> sections(List<Bid> myBids) {
        Set<UUID> bidOn = myBids.stream()
                .filter(b -> b.getStatus() == dev.duijie.console.backend.model.BidStatus.SUBMITTED
                        || b.getStatus() == dev.duijie.console.backend.model.BidStatus.ACCEPTED)
                .map(Bid::getFinancingRequestId)
                .collect(Collectors.toSet());
        return desk.myActiveProducts().stream()
                .map(product -> section(product, bidOn))
                .toList();
    }

    /** Requests matched to any product and not yet bid on, the longest waiting first (since publication). */
    static List<Row> waitingLongest(List<Section> sections, int limit) {
        Map<UUID, Row> unique = new LinkedHashMap<>();
        sections.forEach(section -> section.rows().stream()
                .filter(row -> !row.bid())
                .forEach(row -> unique.putIfAbsent(row.request().getId(), row)));
        return unique.values().stream()
                .sorted(Comparator.comparing(
                        (Row row) -> published(row.request()), Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit)
                .toList();
    }

    private static @Nullable OffsetDateTime published(FinancingRequest request) {
        return request.getPublishedAt();
    }

    private Section section(LoanProduct product, Set<UUID> bidOn) {
        try {
            RequestMatchList list =
                    matching.matchOpenRequests(product.getId(), PER_PRODUCT).getBody();
            List<Row> rows = list == null
                    ? List.of()
                    : list.getItems().stream().map(match -> row(match, bidOn)).toList();
            return new Section(product, rows, null);
        } catch (RestClientResponseException refused) {
            BackendProblem problem = BackendProblem.from(refused);
            String detail = problem.detail();
            return new Section(product, List.of(), detail != null ? detail : problem.title());
        }
    }

    private static Row row(RequestMatch match, Set<UUID> bidOn) {
        double total = match.getWhy().stream()
                .mapToDouble(MatchFactor::getContribution)
                .sum();
        List<Factor> why = match.getWhy().stream()
                .map(f -> new Factor(
                        f.getFactor().getValue(),
                        f.getExplanation(),
                        total <= 0 ? 0 : (int) Math.round(f.getContribution() * 100 / total),
                        f.getContribution() > 0))
                .toList();
        FinancingRequest request = match.getFinancingRequest();
        return new Row(request, match.getScore(), why, bidOn.contains(request.getId()));
    }
}
