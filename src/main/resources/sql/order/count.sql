SELECT COUNT(*) FROM orders WHERE tenant = :tenant
