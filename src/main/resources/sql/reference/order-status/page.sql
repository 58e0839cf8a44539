SELECT id, id_remote, description
FROM order_status
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
