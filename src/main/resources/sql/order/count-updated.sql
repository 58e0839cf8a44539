-- Every order updated since the date, counted: only when both sides of count-updated-sides reached
-- their limit, the date falling deep inside a large order book.
SELECT COUNT(*) FROM orders WHERE tenant = :tenant AND updated_at >= :date
