INSERT INTO message (message_id, tenant, origin, order_count, created_at)
VALUES (:messageId, :tenant, :origin, :orderCount, :now)
