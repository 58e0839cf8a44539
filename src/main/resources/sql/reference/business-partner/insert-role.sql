INSERT INTO partner_role (partner_id, role) VALUES (:partnerId, :role)
