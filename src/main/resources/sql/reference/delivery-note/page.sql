SELECT id, id_remote, order_id
FROM delivery_note
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
