SELECT id, id_remote, description
FROM season
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
