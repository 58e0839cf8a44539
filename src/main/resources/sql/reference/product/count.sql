SELECT COUNT(*) FROM product WHERE tenant = :tenant
