-- Tombstones after a cursor: strictly after the last (deleted_at, id) returned.
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id, id_remote, deleted_at
FROM deleted_order
WHERE tenant = :tenant AND deleted_at >= :date AND (deleted_at, id) > (:afterAt, :afterId)
ORDER BY tenant, deleted_at, id
LIMIT :limit
