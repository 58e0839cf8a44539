SELECT id, id_remote, description
FROM line_status
WHERE tenant = :tenant AND id_remote IN (:idRemotes)
