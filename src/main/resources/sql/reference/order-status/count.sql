SELECT COUNT(*) FROM order_status WHERE tenant = :tenant
