INSERT INTO order_discount (id, order_id, id_remote, discount_type_id, sequence, discount, amount_discount,
    is_line, is_header, position)
VALUES (:id, :parentId, :idRemote, :discountTypeId, :sequence, :discount, :amountDiscount,
    :isLine, :isHeader, :position)
