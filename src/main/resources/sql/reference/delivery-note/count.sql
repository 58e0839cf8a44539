SELECT COUNT(*) FROM delivery_note WHERE tenant = :tenant
