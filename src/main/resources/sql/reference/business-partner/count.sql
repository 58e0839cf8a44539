SELECT COUNT(*) FROM business_partner WHERE tenant = :tenant
