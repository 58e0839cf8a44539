INSERT INTO order_line (id, order_id, id_remote, line_status_id, observations, delivery_date, line_amount,
    quantity, quantity_served, quantity_from_stock, position)
VALUES (:id, :parentId, :idRemote, :lineStatusId, :observations, :deliveryDate, :lineAmount,
    :quantity, :quantityServed, :quantityFromStock, :position)
