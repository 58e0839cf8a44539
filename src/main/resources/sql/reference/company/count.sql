SELECT COUNT(*) FROM company WHERE tenant = :tenant
