-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id, id_remote, deleted_at
FROM deleted_order
WHERE tenant = :tenant AND deleted_at >= :date
ORDER BY tenant, deleted_at, id
LIMIT :limit OFFSET :offset
