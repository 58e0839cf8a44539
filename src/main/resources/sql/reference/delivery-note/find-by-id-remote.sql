SELECT id, id_remote, order_id
FROM delivery_note
WHERE tenant = :tenant AND id_remote IN (:idRemotes)
