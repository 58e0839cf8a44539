UPDATE order_discount SET
    id_remote = :idRemote, discount_type_id = :discountTypeId, sequence = :sequence, discount = :discount,
    amount_discount = :amountDiscount, is_line = :isLine, is_header = :isHeader
WHERE id = :id
