SELECT id, id_remote, description
FROM season
WHERE tenant = :tenant AND id_remote IN (:idRemotes)
