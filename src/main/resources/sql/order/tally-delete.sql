DELETE FROM order_count_delta WHERE id IN (:ids)
