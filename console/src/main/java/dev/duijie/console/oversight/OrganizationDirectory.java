package dev.duijie.console.oversight;

import dev.duijie.console.backend.api.OrganizationsApi;
import dev.duijie.console.backend.model.Organization;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The registered organizations, as the regulator may read them: those waiting for verification (the contract's
 * {@code listOrganizations} filtered by {@code verified=false}, all pages: a county has a handful waiting at a time),
 * and everyone, for the names of who did what in the audit trail (a county has a few hundred organizations, so this
 * stays small). Past {@link #MOST_PAGES} pages the rest is left out and said so.
 */
@Component
class OrganizationDirectory {

    static final int PAGE_SIZE = 100;
    static final int MOST_PAGES = 20;

    private final OrganizationsApi organizations;

    OrganizationDirectory(OrganizationsApi organizations) {
        this.organizations = organizations;
    }

    /** All organizations (or the first {@code MOST_PAGES × PAGE_SIZE}), newest first as the backend sends them. */
    Listed everyone() {
        return read(null);
    }

    /** The organizations waiting for verification (or the newest {@code MOST_PAGES × PAGE_SIZE} of them). */
    Listed waiting() {
        return read(false);
    }

    private Listed read(@Nullable Boolean verified) {
        List<Organization> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            var body =
                    organizations.listOrganizations(verified, cursor, PAGE_SIZE).getBody();
            if (body == null) {
                break;
            }
            all.addAll(body.getItems());
            cursor = body.getNextCursor();
            if (cursor == null) {
                return new Listed(all, false);
            }
        }
        return new Listed(all, cursor != null);
    }

    /**
     * Organizations as read from the backend.
     *
     * @param all the organizations read
     * @param cutShort whether there were more than could be read
     */
    record Listed(List<Organization> all, boolean cutShort) {

        /** Waiting for verification, the one waiting longest first. */
        List<Organization> waiting() {
            return all.stream()
                    .filter(organization -> !Boolean.TRUE.equals(organization.getVerified()))
                    .sorted(Comparator.comparing(
                            Organization::getCreatedAt,
                            Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder())))
                    .toList();
        }

        /** Verified, the most recently verified first. */
        List<Organization> verified() {
            return all.stream()
                    .filter(organization -> Boolean.TRUE.equals(organization.getVerified()))
                    .sorted(Comparator.comparing(
                                    Organization::getVerifiedAt,
                                    Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
                            .reversed())
                    .toList();
        }

        /** Names by id, to say who did what in the audit trail. */
        Map<UUID, String> names() {
            Map<UUID, String> names = new LinkedHashMap<>();
            all.forEach(organization -> names.put(organization.getId(), organization.getName()));
            return names;
        }

        @Nullable
        Organization byId(UUID id) {
            return all.stream()
                    .filter(organization -> id.equals(organization.getId()))
                    .findFirst()
                    .orElse(null);
        }
    }
}
