-- Both sides of the date, each counted up to :limit (an index-only range of ix_order_updated),
-- beside the tenant's tally, in one statement so all three are read at the same moment. A recent
-- date has few orders since it, an early one (the feed's default of 1999) few before it; whichever
-- count stays under the limit gives the exact number updated since: itself, or tally minus it.
SELECT (SELECT COALESCE(SUM(orders), 0) FROM order_count_parts WHERE tenant = :tenant AND grain = 0) AS total,
       (SELECT COUNT(*) FROM (
            SELECT 1 FROM orders WHERE tenant = :tenant AND updated_at >= :date LIMIT :limit
        ) since_date) AS since_date,
       (SELECT COUNT(*) FROM (
            SELECT 1 FROM orders WHERE tenant = :tenant AND updated_at < :date LIMIT :limit
        ) before_date) AS before_date
