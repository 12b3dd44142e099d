package dev.duijie.dashboard;

import dev.duijie.shared.Caller;
import dev.duijie.shared.DomainProblem;
import dev.duijie.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures, counted in SQL over the records. A request counts in the month it was published, a talent
 * need in the month it opened, both in county time; everything about it (bids, award, answers, applications,
 * hires) counts with it, so a row's figures describe the same requests or needs.
 */
@Service
public class Dashboards {

    /** County time: months begin at midnight in the county, not in UTC. */
    static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    static final int LONGEST_WINDOW_MONTHS = 36;

    private final JdbcClient jdbc;

    Dashboards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Months from one to another, both included. */
    public record Window(YearMonth from, YearMonth to) {

        /** 400 naming the field for a window that runs backwards or is too long. */
        public static Window of(String from, String to) {
            YearMonth first = YearMonth.parse(from);
            YearMonth last = YearMonth.parse(to);
            if (last.isBefore(first)) {
                throw DomainProblem.invalidField("toMonth", "field.to-month.before-from-month");
            }
            if (first.plusMonths(LONGEST_WINDOW_MONTHS - 1).isBefore(last)) {
                throw DomainProblem.invalidField("toMonth", "field.to-month.too-far", LONGEST_WINDOW_MONTHS);
            }
            return new Window(first, last);
        }

        Instant start() {
            return from.atDay(1).atStartOfDay(COUNTY_TIME).toInstant();
        }

        Instant end() {
            return to.plusMonths(1).atDay(1).atStartOfDay(COUNTY_TIME).toInstant();
        }
    }

    public record Key(String month, String industry, String region) {}

    public record FinancingFigures(
            long requests,
            long requestedFen,
            long awardedRequests,
            long awardedFen,
            long bids,
            long requestsWithBid,
            Optional<Duration> medianResponse) {}

    public record TalentFigures(long needs, long places, long applications, long hires, long referralHires) {}

    public record CampaignHires(UUID campaignId, String theme, long hires) {}

    public record Financing(Map<Key, FinancingFigures> rows, FinancingFigures total) {}

    public record Talent(Map<Key, TalentFigures> rows, TalentFigures total, List<CampaignHires> hiresByCampaign) {}

    public Financing financing(Caller caller, Window window) {
        caller.requireAnyRole(Role.REGULATOR, Role.TALENT_BUREAU);
        Map<Key, Duration> medians = jdbc
                .sql("""
                select to_char(r.published_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, r.industry, r.region,
                       percentile_cont(0.5) within group (order by extract(epoch from b.responded_at - b.opened_at)) as median
                from bank_response b join financing_request r on r.id = b.financing_request_id
                where b.matched and b.responded_at is not null and r.published_at >= :start and r.published_at < :end
                group by 1, 2, 3""")
                .params(window(window))
                .query((rs, n) -> Map.entry(key(rs), seconds(rs.getDouble("median"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Key, FinancingFigures> rows = inOrder(jdbc.sql(FINANCING.formatted(BY_KEY.formatted("r"), GROUP_BY_KEY))
                .params(window(window))
                .query((rs, n) -> {
                    Key key = key(rs);
                    return Map.entry(key, financingFigures(rs, Optional.ofNullable(medians.get(key))));
                })
                .list());
        // percentile_cont over no rows is null: no answers, no median
        Optional<Duration> totalMedian = jdbc.sql("""
                select percentile_cont(0.5) within group (order by extract(epoch from b.responded_at - b.opened_at))
                from bank_response b join financing_request r on r.id = b.financing_request_id
                where b.matched and b.responded_at is not null and r.published_at >= :start and r.published_at < :end""").params(window(window)).query(Double.class).list().stream()
                .filter(Objects::nonNull)
                .findFirst()
                .map(Dashboards::seconds);
        FinancingFigures total = jdbc.sql(FINANCING.formatted("", ""))
                .params(window(window))
                .query((rs, n) -> financingFigures(rs, totalMedian))
                .single();
        return new Financing(rows, total);
    }

    public Talent talent(Caller caller, Window window) {
        caller.requireAnyRole(Role.REGULATOR, Role.TALENT_BUREAU);
        Map<Key, TalentFigures> rows = inOrder(jdbc.sql(TALENT.formatted(BY_KEY.formatted("n"), GROUP_BY_KEY))
                .params(window(window))
                .query((rs, n) -> Map.entry(key(rs), talentFigures(rs)))
                .list());
        TalentFigures total = jdbc.sql(TALENT.formatted("", ""))
                .params(window(window))
                .query((rs, n) -> talentFigures(rs))
                .single();
        List<CampaignHires> byCampaign = jdbc.sql("""
                select c.id, c.theme, count(a.id) as hires
                from campaign c left join talent_application a on a.campaign_id = c.id and a.status = 'hired'
                where c.starts_on < cast(:endDate as date) and c.ends_on >= cast(:startDate as date)
                group by c.id, c.theme order by c.starts_on, c.id""")
                .param("startDate", window.from().atDay(1).toString())
                .param("endDate", window.to().plusMonths(1).atDay(1).toString())
                .query((rs, n) ->
                        new CampaignHires(rs.getObject("id", UUID.class), rs.getString("theme"), rs.getLong("hires")))
                .list();
        return new Talent(rows, total, byCampaign);
    }

    /** The grouping columns of a row: the month (county time) of publication, the industry and the region. */
    private static final String BY_KEY =
            "to_char(%1$s.published_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, %1$s.industry, %1$s.region,";

    private static final String GROUP_BY_KEY = "group by 1, 2, 3 order by 1, 2, 3";

    private static final String FINANCING = """
            select %s
                   count(*) as requests,
                   coalesce(sum(r.amount_fen), 0) as requested_fen,
                   count(*) filter (where r.status = 'awarded') as awarded_requests,
                   coalesce(sum((select b.amount_fen from bid b where b.id = r.awarded_bid_id)), 0) as awarded_fen,
                   coalesce(sum((select count(*) from bid b where b.financing_request_id = r.id)), 0) as bids,
                   count(*) filter (where exists (select 1 from bid b where b.financing_request_id = r.id)) as requests_with_bid
            from financing_request r
            where r.published_at >= :start and r.published_at < :end
            %s""";

    private static final String TALENT = """
            select %s
                   count(*) as needs,
                   coalesce(sum(n.headcount), 0) as places,
                   coalesce(sum((select count(*) from talent_application a where a.need_id = n.id)), 0) as applications,
                   coalesce(sum((select count(*) from talent_application a where a.need_id = n.id and a.status = 'hired')), 0)
                       as hires,
                   coalesce(sum((select count(*) from talent_application a where a.need_id = n.id and a.status = 'hired'
                       and a.referrer_profile_id is not null)), 0) as referral_hires
            from talent_need n
            where n.published_at >= :start and n.published_at < :end
            %s""";

    private static Key key(ResultSet rs) throws SQLException {
        return new Key(rs.getString("month"), rs.getString("industry"), rs.getString("region"));
    }

    private static <F> Map<Key, F> inOrder(List<Map.Entry<Key, F>> rows) {
        Map<Key, F> ordered = new LinkedHashMap<>();
        rows.forEach(row -> ordered.put(row.getKey(), row.getValue()));
        return ordered;
    }

    private static FinancingFigures financingFigures(ResultSet rs, Optional<Duration> median) throws SQLException {
        return new FinancingFigures(
                rs.getLong("requests"),
                rs.getLong("requested_fen"),
                rs.getLong("awarded_requests"),
                rs.getLong("awarded_fen"),
                rs.getLong("bids"),
                rs.getLong("requests_with_bid"),
                median);
    }

    private static TalentFigures talentFigures(ResultSet rs) throws SQLException {
        return new TalentFigures(
                rs.getLong("needs"),
                rs.getLong("places"),
                rs.getLong("applications"),
                rs.getLong("hires"),
                rs.getLong("referral_hires"));
    }

    private static Map<String, Object> window(Window window) {
        return Map.of("start", Timestamp.from(window.start()), "end", Timestamp.from(window.end()));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
