INSERT INTO idempotency_key (tenant, key_value, body_sha256, message_id, created_at)
VALUES (:tenant, :key, :bodySha256, :messageId, :now)
