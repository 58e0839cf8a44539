-- Candidate locations for references given as hub id or idRemote (an idRemote is unique per
-- partner only, so OrderReferences picks the one of the order's client).
-- Two lookups, not one OR: for an OR of two indexes H2 scans every row of the tenant.
SELECT id, id_remote, partner_id, shipping_address, billing_address
FROM partner_location
WHERE tenant = :tenant AND id IN (:refs)
UNION
SELECT id, id_remote, partner_id, shipping_address, billing_address
FROM partner_location
WHERE tenant = :tenant AND id_remote IN (:refs)
