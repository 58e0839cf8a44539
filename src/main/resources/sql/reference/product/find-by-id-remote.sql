SELECT id, id_remote, reference, description, price
FROM product
WHERE tenant = :tenant AND id_remote IN (:idRemotes)
