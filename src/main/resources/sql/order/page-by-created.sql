-- One page of a tenant's orders, oldest first; the index (tenant, created_at, id) answers it alone.
SELECT id
FROM orders
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
