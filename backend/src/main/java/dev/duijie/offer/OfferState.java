package dev.duijie.offer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** What every offer has besides its terms: identity, owner, lifecycle status and version. */
public record OfferState(
        UUID id,
        UUID organizationId,
        String organizationName,
        OfferStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The columns {@link #map} reads, for a query of {@code <table> p join organization_directory o}. */
    static final String COLUMNS = """
            p.id, p.organization_id, o.name as organization_name, p.status, p.version, p.created_at, p.updated_at""";

    static OfferState map(ResultSet rs) throws SQLException {
        return new OfferState(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"),
                OfferStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
