SELECT id, id_remote, company_id, contact_name
FROM business_partner
WHERE tenant = :tenant AND id_remote IN (:idRemotes)
