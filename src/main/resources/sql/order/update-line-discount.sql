UPDATE line_discount SET id_remote = :idRemote, discount = :discount, amount_discount = :amountDiscount
WHERE id = :id
