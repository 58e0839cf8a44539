SELECT d.id, d.line_id, d.id_remote, d.discount, d.amount_discount, d.position
FROM line_discount d
JOIN order_line l ON l.id = d.line_id
WHERE l.order_id IN (:ids)
ORDER BY d.line_id, d.position, d.id
