-- An expired key (older than its 24 hours) may be used again.
DELETE FROM idempotency_key WHERE tenant = :tenant AND key_value = :key AND created_at < :expiredBefore
