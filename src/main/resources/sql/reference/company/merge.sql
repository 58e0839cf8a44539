-- Upsert by (tenant, idRemote): an existing idRemote is updated, a new one is inserted with :id.
MERGE INTO company t
USING (VALUES (CAST(:tenant AS VARCHAR(64)), CAST(:idRemote AS VARCHAR(100)))) AS s (tenant, id_remote)
ON t.tenant = s.tenant AND t.id_remote = s.id_remote
WHEN MATCHED THEN UPDATE SET
    company_name = :companyName,
    updated_at = :now
WHEN NOT MATCHED THEN INSERT (id, tenant, id_remote, company_name, created_at, updated_at)
    VALUES (:id, :tenant, :idRemote, :companyName, :now, :now)
