SELECT id, id_remote, deleted_at
FROM deleted_order
WHERE tenant = :tenant AND deleted_at >= :date
ORDER BY deleted_at, id
LIMIT :limit OFFSET :offset
