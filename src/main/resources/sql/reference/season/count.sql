SELECT COUNT(*) FROM season WHERE tenant = :tenant
