INSERT INTO message (message_id, tenant, origin, order_count, created_at, partner, file_name)
VALUES (:messageId, :tenant, :origin, :orderCount, :now, :partner, :fileName)
