SELECT COUNT(*) FROM line_status WHERE tenant = :tenant
