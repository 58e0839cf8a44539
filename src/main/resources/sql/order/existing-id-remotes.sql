-- Which of these idRemotes the tenant has already (null for each it has not): one probe of the
-- unique index per idRemote, whatever the planner knows. A join or an IN list is planned as a
-- scan of the tenant's whole part of the index while the table has no statistics (a fresh table
-- filled in bulk, autovacuum off), and that scan grows with the table.
SELECT (SELECT o.id_remote FROM orders o WHERE o.tenant = :tenant AND o.id_remote = r.id_remote) AS taken
FROM UNNEST(:idRemotes) AS r(id_remote)
