-- Lines, details and discounts go with it (ON DELETE CASCADE).
DELETE FROM orders WHERE id = :id
