SELECT id, id_remote, name, code, description
FROM discount_type
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
