INSERT INTO deleted_order (id, tenant, id_remote, deleted_at, snapshot)
VALUES (:id, :tenant, :idRemote, :deletedAt, :snapshot)
