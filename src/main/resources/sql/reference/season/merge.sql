-- Upsert by (tenant, idRemote): an existing idRemote is updated, a new one is inserted with :id.
MERGE INTO season t
USING (VALUES (CAST(:tenant AS VARCHAR(64)), CAST(:idRemote AS VARCHAR(100)))) AS s (tenant, id_remote)
ON t.tenant = s.tenant AND t.id_remote = s.id_remote
WHEN MATCHED THEN UPDATE SET
    description = :description,
    updated_at = :now
WHEN NOT MATCHED THEN INSERT (id, tenant, id_remote, description, created_at, updated_at)
    VALUES (:id, :tenant, :idRemote, :description, :now, :now)
