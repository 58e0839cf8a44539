-- A tenant's number of orders, and how many rows it is still spread over (the fold's cue).
SELECT COALESCE(SUM(delta), 0) AS total, COUNT(*) AS parts FROM order_tally WHERE tenant = :tenant
