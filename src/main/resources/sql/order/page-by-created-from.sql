-- A page of a tenant's orders, oldest first, from the start of a second on (OrderTally.position
-- found the second and how many orders precede it); the index (tenant, created_at, id) seeks there.
SELECT id
FROM orders
WHERE tenant = :tenant AND created_at >= :from
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
