DELETE FROM partner_role WHERE partner_id = :partnerId
