-- Every export state that may still need a tenant's changes: the tenant's partners', and those
-- whose tenant is not known yet.
SELECT partner, tenant, watermark FROM export_state WHERE tenant = :tenant OR tenant IS NULL
