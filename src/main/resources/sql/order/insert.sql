INSERT INTO orders (id, tenant, id_remote, reference, company_id, client_id, agent_id, status_id, season_id,
    shipping_address_id, billing_address_id, date_order, date_modified, date_delivery, observation,
    gross_amount, base_amount, shipping_amount, tax_amount, taxrec_amount, total_amount,
    total_quantity, quantity_served, quantity_pending, shipper, origin, is_sale, active, version,
    created_at, updated_at)
VALUES (:id, :tenant, :idRemote, :reference, :companyId, :clientId, :agentId, :statusId, :seasonId,
    :shippingAddressId, :billingAddressId, :dateOrder, :dateModified, :dateDelivery, :observation,
    :grossAmount, :baseAmount, :shippingAmount, :taxAmount, :taxrecAmount, :totalAmount,
    :totalQuantity, :quantityServed, :quantityPending, :shipper, :origin, :isSale, TRUE, 1,
    :now, :now)
