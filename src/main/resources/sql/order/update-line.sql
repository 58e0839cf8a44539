UPDATE order_line SET
    id_remote = :idRemote, line_status_id = :lineStatusId, observations = :observations,
    delivery_date = :deliveryDate, line_amount = :lineAmount, quantity = :quantity,
    quantity_served = :quantityServed, quantity_from_stock = :quantityFromStock
WHERE id = :id
