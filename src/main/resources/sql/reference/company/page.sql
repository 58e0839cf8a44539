-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id, id_remote, company_name
FROM company
WHERE tenant = :tenant
ORDER BY tenant, created_at, id
LIMIT :limit OFFSET :offset
