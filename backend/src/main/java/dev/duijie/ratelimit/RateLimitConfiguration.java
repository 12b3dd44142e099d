package dev.duijie.ratelimit;

import dev.duijie.ratelimit.RateLimitProperties.Store;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the buckets are kept, as {@code duijie.rate-limit.store} says. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** The table of V12__rate_limit_buckets.sql. */
    static final String TABLE = "rate_limit_bucket";

    @Bean
    CallerBudgets callerBudgets(RateLimitProperties properties, DataSource dataSource) {
        @Nullable
        ProxyManager<String> shared = properties.store() == Store.POSTGRESQL ? inPostgreSql(dataSource) : null;
        return new CallerBudgets(properties, shared, TimeMeter.SYSTEM_NANOTIME);
    }

    /**
     * Buckets in PostgreSQL: each charge locks the caller's row ({@code select ... for update}), so instances
     * charging one caller at once take turns. The buckets' time is the instances' wall clock (kept in step by
     * NTP); a row expires a minute after its bucket would be full again.
     */
    static ProxyManager<String> inPostgreSql(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                // a statement waiting longer than this (a lock held by a stuck transaction) fails, and the
                // request is counted in this instance's memory instead
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    }
}
