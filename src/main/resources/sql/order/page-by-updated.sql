-- The first page of the change feed (or a page by number, for callers without a cursor).
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id, id_remote, updated_at
FROM orders
WHERE tenant = :tenant AND updated_at >= :date
ORDER BY tenant, updated_at, id
LIMIT :limit OFFSET :offset
