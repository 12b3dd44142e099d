package dev.duijie.financing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What other features read of financing requests, without the caller checks of {@link FinancingRequestService}:
 * a lender's response clock starts from a request's publication, matching reads back what the index found.
 * Reads only; the table stays this package's.
 */
@Component
public class RequestLookup {

    private final FinancingRequests requests;

    RequestLookup(FinancingRequests requests) {
        this.requests = requests;
    }

    public Optional<FinancingRequest> find(UUID id) {
        return requests.find(id);
    }

    public List<FinancingRequest> findAll(Collection<UUID> ids) {
        return requests.findAll(ids);
    }
}
