-- A tenant's number of orders: its whole-book count (grain 0), folded or not.
SELECT COALESCE(SUM(orders), 0) AS total FROM order_count_parts WHERE tenant = :tenant AND grain = 0
