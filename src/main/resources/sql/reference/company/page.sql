SELECT id, id_remote, company_name
FROM company
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
