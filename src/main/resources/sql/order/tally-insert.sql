INSERT INTO order_tally (tenant, delta) VALUES (:tenant, :delta)
