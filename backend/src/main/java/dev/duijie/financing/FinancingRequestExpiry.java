package dev.duijie.financing;

import dev.duijie.shared.Caller;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes open requests whose bid deadline passed with no accepted bid. Safe with several backend instances. */
@Component
class FinancingRequestExpiry {

    private static final Logger log = LoggerFactory.getLogger(FinancingRequestExpiry.class);

    /** Who the audit trail names for changes the platform makes by itself. */
    static final Caller SYSTEM = new Caller("system:deadline-expiry", Set.of(), null);

    private final FinancingRequestService requests;

    FinancingRequestExpiry(FinancingRequestService requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelayString = "${duijie.financing.expiry-interval:10s}")
    void expireDueRequests() {
        int expired;
        do {
            expired = requests.expireDue(SYSTEM);
            if (expired > 0) {
                log.info("Expired {} financing requests whose bid deadline passed", expired);
            }
        } while (expired == 100);
    }
}
