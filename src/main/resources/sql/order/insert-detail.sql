INSERT INTO line_detail (id, line_id, id_remote, product_id, quantity, price, retail_price, position)
VALUES (:id, :parentId, :idRemote, :productId, :quantity, :price, :retailPrice, :position)
