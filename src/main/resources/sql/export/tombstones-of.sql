-- Tombstones of deleted orders, as GET /Order/deleted shows them.
SELECT id, id_remote, deleted_at FROM deleted_order WHERE tenant = :tenant AND id IN (:ids)
