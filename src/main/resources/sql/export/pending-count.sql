-- Changes of a tenant not exported to the partner yet (numbered ones; the latest few seconds'
-- changes are numbered at the next run).
SELECT COUNT(*) FROM order_change WHERE tenant = :tenant AND (seq > :after OR seq IS NULL)
