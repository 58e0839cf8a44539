-- A page of a tenant's numbered changes after a watermark, up to the run's upper bound.
SELECT order_id, seq
FROM order_change
WHERE tenant = :tenant AND seq > :after AND seq <= :upTo
ORDER BY seq
LIMIT :limit
