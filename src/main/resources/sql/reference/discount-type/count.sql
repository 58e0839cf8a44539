SELECT COUNT(*) FROM discount_type WHERE tenant = :tenant
