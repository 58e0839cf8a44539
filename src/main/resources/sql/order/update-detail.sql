UPDATE line_detail SET
    id_remote = :idRemote, product_id = :productId, quantity = :quantity, price = :price,
    retail_price = :retailPrice
WHERE id = :id
