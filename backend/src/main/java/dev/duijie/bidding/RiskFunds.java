package dev.duijie.bidding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fund's single row. Awards lock it, so two awards cannot both spend the last of its capacity. */
@Repository
class RiskFunds {

    private final JdbcClient jdbc;

    RiskFunds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RiskFund current() {
        return jdbc.sql("select * from risk_fund where id = 1")
                .query(RiskFunds::map)
                .single();
    }

    RiskFund lock() {
        return jdbc.sql("select * from risk_fund where id = 1 for update")
                .query(RiskFunds::map)
                .single();
    }

    void reserve(long exposureFen, Instant now) {
        jdbc.sql(
                        "update risk_fund set reserved_fen = reserved_fen + :exposure, version = version + 1, updated_at = :now where id = 1")
                .param("exposure", exposureFen)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Sets the policy if still at {@code version}; returns whether it did. */
    boolean update(RiskFundPolicy policy, long version, Instant now, String updatedBy) {
        return jdbc.sql("""
                update risk_fund
                set max_fund_share_bp = :maxFund, min_bank_share_bp = :minBank, first_loan_bonus_bp = :firstLoan,
                    ip_pledge_bonus_bp = :ipPledge, capacity_fen = :capacity, version = version + 1,
                    updated_at = :now, updated_by = :updatedBy
                where id = 1 and version = :version""")
                        .param("maxFund", policy.maxFundShareBp())
                        .param("minBank", policy.minBankShareBp())
                        .param("firstLoan", policy.firstLoanBonusBp())
                        .param("ipPledge", policy.ipPledgeBonusBp())
                        .param("capacity", policy.capacityFen())
                        .param("now", Timestamp.from(now))
                        .param("updatedBy", updatedBy)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static RiskFund map(ResultSet rs, int row) throws SQLException {
        return new RiskFund(
                new RiskFundPolicy(
                        rs.getInt("max_fund_share_bp"),
                        rs.getInt("min_bank_share_bp"),
                        rs.getInt("first_loan_bonus_bp"),
                        rs.getInt("ip_pledge_bonus_bp"),
                        rs.getLong("capacity_fen")),
                rs.getLong("reserved_fen"),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
