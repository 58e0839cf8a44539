SELECT id, id_remote, description
FROM line_status
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
