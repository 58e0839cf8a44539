DELETE FROM idempotency_key WHERE message_id = :messageId
