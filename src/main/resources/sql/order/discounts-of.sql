SELECT d.id, d.order_id, d.id_remote, d.discount_type_id, d.sequence, d.discount, d.amount_discount,
       d.is_line, d.is_header, d.position, t.name AS type_name, t.code AS type_code, t.description AS type_description
FROM order_discount d
JOIN discount_type t ON t.id = d.discount_type_id
WHERE d.order_id IN (:ids)
ORDER BY d.order_id, d.position, d.id
