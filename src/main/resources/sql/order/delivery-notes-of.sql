-- Delivery notes holding any line of the order: such an order cannot be deleted.
SELECT DISTINCT n.id_remote
FROM delivery_note_line dl
JOIN order_line l ON l.id = dl.line_id
JOIN delivery_note n ON n.id = dl.delivery_note_id
WHERE l.order_id = :id
ORDER BY n.id_remote
