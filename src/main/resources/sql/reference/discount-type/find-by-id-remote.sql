SELECT id, id_remote, name, code, description
FROM discount_type
WHERE tenant = :tenant AND id_remote IN (:idRemotes)
