-- A partner's location by idRemote within the partner: updated if known, else added.
MERGE INTO partner_location t
USING (VALUES (CAST(:partnerId AS VARCHAR(36)), CAST(:idRemote AS VARCHAR(100)))) AS s (partner_id, id_remote)
ON t.partner_id = s.partner_id AND t.id_remote = s.id_remote
WHEN MATCHED THEN UPDATE SET
    address = :address,
    shipping_address = :shippingAddress,
    billing_address = :billingAddress,
    position = :position
WHEN NOT MATCHED THEN INSERT (id, tenant, partner_id, id_remote, address, shipping_address, billing_address, position)
    VALUES (:id, :tenant, :partnerId, :idRemote, :address, :shippingAddress, :billingAddress, :position)
