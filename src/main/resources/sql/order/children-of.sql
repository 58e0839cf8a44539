-- Every child row of these orders in one round trip (a statement per table cost a page more
-- than the rows): header discounts and lines (depth 1, parent: the order), then line discounts
-- and line details (depth 2, parent: the line), each part in its list's order. A row has the
-- columns of its part; the other parts' columns are NULL. Sorted by depth and position only: a
-- row goes to its parent's list by parent_id, so a parent's rows need no grouping (the id only
-- breaks ties, for a stable order).
SELECT 1 AS depth, 'DISCOUNT' AS part, d.order_id AS parent_id, d.id, d.id_remote, d.position,
       d.discount_type_id, t.name AS type_name, t.code AS type_code, t.description AS type_description,
       d.sequence, d.discount, d.amount_discount, d.is_line, d.is_header,
       CAST(NULL AS VARCHAR(36)) AS line_status_id, CAST(NULL AS VARCHAR(255)) AS line_status,
       CAST(NULL AS VARCHAR(4000)) AS observations, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS delivery_date,
       CAST(NULL AS NUMERIC(19,4)) AS line_amount, CAST(NULL AS NUMERIC(19,4)) AS quantity,
       CAST(NULL AS NUMERIC(19,4)) AS quantity_served, CAST(NULL AS NUMERIC(19,4)) AS quantity_from_stock,
       CAST(NULL AS VARCHAR(36)) AS product_id, CAST(NULL AS NUMERIC(19,4)) AS price,
       CAST(NULL AS NUMERIC(19,4)) AS retail_price
FROM order_discount d
JOIN discount_type t ON t.id = d.discount_type_id
WHERE d.order_id IN (:ids)
UNION ALL
SELECT 1, 'LINE', l.order_id, l.id, l.id_remote, l.position,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       l.line_status_id, s.description, l.observations, l.delivery_date,
       l.line_amount, l.quantity, l.quantity_served, l.quantity_from_stock,
       NULL, NULL, NULL
FROM order_line l
JOIN line_status s ON s.id = l.line_status_id
WHERE l.order_id IN (:ids)
UNION ALL
SELECT 2, 'LINE_DISCOUNT', d.line_id, d.id, d.id_remote, d.position,
       NULL, NULL, NULL, NULL, NULL, d.discount, d.amount_discount, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL
FROM line_discount d
JOIN order_line l ON l.id = d.line_id
WHERE l.order_id IN (:ids)
UNION ALL
SELECT 2, 'DETAIL', d.line_id, d.id, d.id_remote, d.position,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, d.quantity, NULL, NULL,
       d.product_id, d.price, d.retail_price
FROM line_detail d
JOIN order_line l ON l.id = d.line_id
WHERE l.order_id IN (:ids)
ORDER BY depth, position, id
