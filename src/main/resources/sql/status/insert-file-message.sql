INSERT INTO message (message_id, tenant, origin, order_count, created_at, partner, file_name, file_sha256, file_size,
                     file_modified)
VALUES (:messageId, :tenant, :origin, :orderCount, :now, :partner, :fileName, :sha256, :size, :modified)
