-- A page in the newer half of a tenant's orders, counted from the newest: the same index read
-- backwards, so the scan passes the orders after the page instead of the ones before it.
SELECT id
FROM orders
WHERE tenant = :tenant
ORDER BY created_at DESC, id DESC
LIMIT :limit OFFSET :offset
