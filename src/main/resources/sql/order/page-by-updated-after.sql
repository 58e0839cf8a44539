-- The change feed after a cursor: strictly after the last (updated_at, id) returned, so an order
-- that changes during a walk moves behind the cursor and is returned again, never skipped.
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id, id_remote, updated_at
FROM orders
WHERE tenant = :tenant AND updated_at >= :date AND (updated_at, id) > (:afterAt, :afterId)
ORDER BY tenant, updated_at, id
LIMIT :limit
