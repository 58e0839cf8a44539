INSERT INTO line_discount (id, line_id, id_remote, discount, amount_discount, position)
VALUES (:id, :parentId, :idRemote, :discount, :amountDiscount, :position)
