SELECT COUNT(*) FROM orders WHERE tenant = :tenant AND updated_at >= :date
