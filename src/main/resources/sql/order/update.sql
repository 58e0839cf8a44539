-- Every header attribute, as merged from the stored order and the update's body.
UPDATE orders SET
    id_remote = :idRemote, reference = :reference, company_id = :companyId, client_id = :clientId,
    agent_id = :agentId, status_id = :statusId, season_id = :seasonId,
    shipping_address_id = :shippingAddressId, billing_address_id = :billingAddressId,
    date_order = :dateOrder, date_modified = :dateModified, date_delivery = :dateDelivery,
    observation = :observation, gross_amount = :grossAmount, base_amount = :baseAmount,
    shipping_amount = :shippingAmount, tax_amount = :taxAmount, taxrec_amount = :taxrecAmount,
    total_amount = :totalAmount, total_quantity = :totalQuantity, quantity_served = :quantityServed,
    quantity_pending = :quantityPending, shipper = :shipper, is_sale = :isSale,
    version = version + 1, updated_at = :now
WHERE id = :id
