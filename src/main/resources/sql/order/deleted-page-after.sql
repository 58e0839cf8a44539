-- Tombstones after a cursor: strictly after the last (deleted_at, id) returned.
SELECT id, id_remote, deleted_at
FROM deleted_order
WHERE tenant = :tenant AND deleted_at >= :date AND (deleted_at, id) > (:afterAt, :afterId)
ORDER BY deleted_at, id
LIMIT :limit
