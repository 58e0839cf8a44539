-- Where a tenant's orders from position :offset on begin, by (created_at, id), without passing the
-- orders before it: the day that holds the position, by a running sum of the day counts; then the
-- minute within that day; then the second within that minute. Answers the tenant's total, the
-- second (epoch seconds) and how many orders come before that second, read in one statement so
-- they agree; bucket is NULL when :offset is past the last order.
WITH days AS (
    SELECT bucket, SUM(orders) AS n FROM order_count_parts
    WHERE tenant = :tenant AND grain = 86400
    GROUP BY bucket),
day_found AS (
    SELECT bucket, before FROM (SELECT bucket, n, SUM(n) OVER (ORDER BY bucket) - n AS before FROM days) d
    WHERE before <= :offset AND :offset < before + n),
minutes AS (
    SELECT p.bucket, SUM(p.orders) AS n FROM order_count_parts p, day_found f
    WHERE p.tenant = :tenant AND p.grain = 60 AND p.bucket >= f.bucket AND p.bucket < f.bucket + 86400
    GROUP BY p.bucket),
minute_found AS (
    SELECT m.bucket, f.before + m.before AS before
    FROM (SELECT bucket, n, SUM(n) OVER (ORDER BY bucket) - n AS before FROM minutes) m, day_found f
    WHERE f.before + m.before <= :offset AND :offset < f.before + m.before + m.n),
seconds AS (
    SELECT p.bucket, SUM(p.orders) AS n FROM order_count_parts p, minute_found f
    WHERE p.tenant = :tenant AND p.grain = 1 AND p.bucket >= f.bucket AND p.bucket < f.bucket + 60
    GROUP BY p.bucket),
second_found AS (
    SELECT s.bucket, f.before + s.before AS before
    FROM (SELECT bucket, n, SUM(n) OVER (ORDER BY bucket) - n AS before FROM seconds) s, minute_found f
    WHERE f.before + s.before <= :offset AND :offset < f.before + s.before + s.n),
total AS (
    SELECT COALESCE(SUM(orders), 0) AS total FROM order_count_parts WHERE tenant = :tenant AND grain = 0)
SELECT total.total, second_found.bucket, second_found.before
FROM total LEFT JOIN second_found ON 1 = 1
