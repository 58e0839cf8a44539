SELECT l.id, l.order_id, l.id_remote, l.line_status_id, s.description AS line_status, l.observations,
       l.delivery_date, l.line_amount, l.quantity, l.quantity_served, l.quantity_from_stock, l.position
FROM order_line l
JOIN line_status s ON s.id = l.line_status_id
WHERE l.order_id IN (:ids)
ORDER BY l.order_id, l.position, l.id
