SELECT id, partner_id, id_remote, address, shipping_address, billing_address
FROM partner_location
WHERE partner_id IN (:partnerIds)
ORDER BY partner_id, position, id
