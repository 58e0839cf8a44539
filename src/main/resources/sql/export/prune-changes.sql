-- A chunk of a tenant's changes that every partner exporting its orders has received (numbered
-- up to the lowest of their watermarks): no export reads them again.
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
DELETE FROM order_change
WHERE change_id IN (SELECT change_id FROM order_change WHERE tenant = :tenant AND seq <= :upTo ORDER BY tenant, seq LIMIT :limit)
