SELECT id_remote FROM orders WHERE tenant = :tenant AND id_remote IN (:idRemotes)
