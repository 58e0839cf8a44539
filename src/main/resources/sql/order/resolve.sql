-- Candidates for references given as hub id or idRemote; References picks the hub id match first.
-- Two lookups, not one OR: for an OR of two indexes H2 scans every row of the tenant.
SELECT id, id_remote
FROM orders
WHERE tenant = :tenant AND id IN (:refs)
UNION
SELECT id, id_remote
FROM orders
WHERE tenant = :tenant AND id_remote IN (:refs)
