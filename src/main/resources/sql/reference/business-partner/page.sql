SELECT id, id_remote, company_id, contact_name
FROM business_partner
WHERE tenant = :tenant
ORDER BY created_at, id
LIMIT :limit OFFSET :offset
