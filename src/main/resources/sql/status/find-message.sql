SELECT message_id, origin, order_count, created_at FROM message WHERE message_id = :messageId AND tenant = :tenant
