-- A default status for a tenant, unless one with that idRemote exists already.
MERGE INTO order_status t
USING (VALUES (CAST(:tenant AS VARCHAR(64)), CAST(:idRemote AS VARCHAR(100)))) AS s (tenant, id_remote)
ON t.tenant = s.tenant AND t.id_remote = s.id_remote
WHEN NOT MATCHED THEN INSERT (id, tenant, id_remote, description, created_at, updated_at)
    VALUES (:id, :tenant, :idRemote, :description, :now, :now)
