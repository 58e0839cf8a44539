-- A page of a tenant's numbered changes after a watermark, up to the run's upper bound.
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT order_id, seq
FROM order_change
WHERE tenant = :tenant AND seq > :after AND seq <= :upTo
ORDER BY tenant, seq
LIMIT :limit
