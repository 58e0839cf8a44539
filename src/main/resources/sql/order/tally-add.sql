-- One order more or fewer for a tenant, from the embedded database's trigger (plain JDBC: ? placeholders).
INSERT INTO order_tally (tenant, delta) VALUES (?, ?)
