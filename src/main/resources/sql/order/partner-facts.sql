-- What the reference check needs of business partners: their company and roles.
SELECT p.id, p.company_id, r.role
FROM business_partner p
LEFT JOIN partner_role r ON r.partner_id = p.id
WHERE p.id IN (:ids)
