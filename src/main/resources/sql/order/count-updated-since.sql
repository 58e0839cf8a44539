-- Orders updated since the date, counted up to :limit (an index-only range of ix_order_updated):
-- a recent date has few, and the count is exact when it stays under the limit.
SELECT COUNT(*) FROM (
    SELECT 1 FROM orders WHERE tenant = :tenant AND updated_at >= :date LIMIT :limit
) since
