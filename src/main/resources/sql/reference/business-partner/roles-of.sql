SELECT partner_id, role
FROM partner_role
WHERE partner_id IN (:partnerIds)
ORDER BY partner_id, role
