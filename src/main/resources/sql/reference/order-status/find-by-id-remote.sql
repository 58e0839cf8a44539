SELECT id, id_remote, description
FROM order_status
WHERE tenant = :tenant AND id_remote IN (:idRemotes)
