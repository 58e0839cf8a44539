DELETE FROM order_tally WHERE id IN (:ids)
