-- Callers' request budgets (Bucket4j token buckets), shared by every backend instance: one row per caller and
-- budget, e.g. id 'general:100/20:user:<token subject>' or 'expensive:20/5:address:203.0.113.7'; state is
-- Bucket4j's serialized bucket. Each request locks its row (select ... for update), updates it and commits.
--
-- Unlogged: a budget is worth nothing after a crash, and writing no WAL keeps the commit that every request
-- makes cheap (no flush to disk, nothing sent to the replicas). The price, stated in the README: a PostgreSQL
-- crash or a failover to a replica starts every caller with a full budget again.
--
-- expires_at is when the bucket has refilled to full plus a minute (epoch milliseconds, set by Bucket4j on
-- every update); a full bucket is the same as none, so the backend deletes such rows every minute
-- (RateLimitCleanup). Bucket4j first inserts an empty row (state null) and fills it in a second transaction;
-- the default gives a row left empty by a crash in between an hour before it is deleted too. No index on
-- expires_at: every request updates it, and without an index those updates stay HOT (fillfactor leaves the
-- room); the cleanup's scan of a table of recent callers is cheap.
create unlogged table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint not null default ((extract(epoch from now()) * 1000)::bigint + 3600000)
) with (fillfactor = 70);
