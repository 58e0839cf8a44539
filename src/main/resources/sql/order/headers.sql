-- Order headers with what the API shows of their references, for a set of hub ids.
SELECT o.id, o.id_remote, o.reference, o.version,
       o.company_id, c.id_remote AS company_id_remote, c.company_name,
       o.client_id, cl.id_remote AS client_id_remote, cl.contact_name AS client_contact_name,
       o.agent_id, o.status_id, st.description AS status_description,
       o.season_id, se.id_remote AS season_id_remote, se.description AS season_description,
       o.shipping_address_id, sa.address AS shipping_address,
       o.billing_address_id, ba.address AS billing_address,
       o.date_order, o.date_modified, o.date_delivery, o.observation,
       o.gross_amount, o.base_amount, o.shipping_amount, o.tax_amount, o.taxrec_amount, o.total_amount,
       o.total_quantity, o.quantity_served, o.quantity_pending,
       o.shipper, o.origin, o.is_sale, o.active, o.created_at, o.updated_at
FROM orders o
JOIN company c ON c.id = o.company_id
JOIN business_partner cl ON cl.id = o.client_id
JOIN order_status st ON st.id = o.status_id
LEFT JOIN season se ON se.id = o.season_id
JOIN partner_location sa ON sa.id = o.shipping_address_id
JOIN partner_location ba ON ba.id = o.billing_address_id
WHERE o.tenant = :tenant AND o.id IN (:ids)
