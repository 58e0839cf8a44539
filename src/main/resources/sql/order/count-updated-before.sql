-- Orders last updated before the date, counted up to :limit, beside the tenant's tally, in one
-- statement so both are read at the same moment: an early date (the feed's default of 1999) has
-- few, and tally minus these is the exact number updated since.
SELECT (SELECT COALESCE(SUM(delta), 0) FROM order_tally WHERE tenant = :tenant) AS total,
       (SELECT COUNT(*) FROM (
            SELECT 1 FROM orders WHERE tenant = :tenant AND updated_at < :date LIMIT :limit
        ) before_date) AS before_date
