SELECT id, id_remote, reference, description, price
FROM product
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
