-- Lines of one order referenced by hub id or idRemote.
SELECT id, id_remote
FROM order_line
WHERE order_id = :orderId AND (id IN (:refs) OR id_remote IN (:refs))
