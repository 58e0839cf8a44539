-- The first page of the change feed (or a page by number, for callers without a cursor).
SELECT id, id_remote, updated_at
FROM orders
WHERE tenant = :tenant AND updated_at >= :date
ORDER BY updated_at, id
LIMIT :limit OFFSET :offset
