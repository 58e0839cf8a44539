-- One page of a tenant's orders, oldest first, beside the tenant's total (read once, in the same
-- statement); the index (tenant, created_at, id) answers the page alone.
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id, (SELECT COALESCE(SUM(orders), 0) FROM order_count_parts WHERE tenant = :tenant AND grain = 0) AS total
FROM orders
WHERE tenant = :tenant
ORDER BY tenant, created_at, id
LIMIT :limit OFFSET :offset
