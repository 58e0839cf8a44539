SELECT d.id, d.line_id, d.id_remote, d.product_id, d.quantity, d.price, d.retail_price, d.position
FROM line_detail d
JOIN order_line l ON l.id = d.line_id
WHERE l.order_id IN (:ids)
ORDER BY d.line_id, d.position, d.id
