SELECT body_sha256, message_id, created_at FROM idempotency_key WHERE tenant = :tenant AND key_value = :key
