-- A page of a tenant's orders, oldest first, from the start of a second on (OrderTally.position
-- found the second and how many orders precede it); the index (tenant, created_at, id) seeks there.
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id
FROM orders
WHERE tenant = :tenant AND created_at >= :from
ORDER BY tenant, created_at, id
LIMIT :limit OFFSET :offset
