-- Loads a large order book straight into the hub's schema, for the read benchmark: :orders orders
-- in tenant :tenant, each 1 header + 5 lines with a detail each + 2 header discounts (13 rows,
-- the shape of issue 8), created one second apart from 2025-01-01 and never updated.
-- The tenant's reference data must exist (the one bench/ReadOrdersBench.java creates through the
-- API): company CO-1, client CL-1 with locations SHIP-1 and BILL-1, agent AG-1, product PR-1,
-- discount type DT-1, and the seeded statuses. Ordinary INSERTs, so every trigger of the schema
-- (the order tally among them) sees the rows as it sees the intake's.
--   psql -v tenant=bench -v orders=1000000 -f bench/load-orders.sql <database>
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_refs ON COMMIT DROP AS
SELECT (SELECT id FROM company WHERE tenant = :'tenant' AND id_remote = 'CO-1') AS company_id,
       (SELECT id FROM business_partner WHERE tenant = :'tenant' AND id_remote = 'CL-1') AS client_id,
       (SELECT id FROM business_partner WHERE tenant = :'tenant' AND id_remote = 'AG-1') AS agent_id,
       (SELECT id FROM order_status WHERE tenant = :'tenant' AND id_remote = 'Pending') AS status_id,
       (SELECT id FROM line_status WHERE tenant = :'tenant' AND id_remote = 'Pending') AS line_status_id,
       (SELECT id FROM partner_location WHERE tenant = :'tenant' AND id_remote = 'SHIP-1') AS shipping_id,
       (SELECT id FROM partner_location WHERE tenant = :'tenant' AND id_remote = 'BILL-1') AS billing_id,
       (SELECT id FROM product WHERE tenant = :'tenant' AND id_remote = 'PR-1') AS product_id,
       (SELECT id FROM discount_type WHERE tenant = :'tenant' AND id_remote = 'DT-1') AS discount_type_id,
       -- ids unique to this load, time-ordered like the hub's
       lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') AS run;

INSERT INTO orders (id, tenant, id_remote, reference, company_id, client_id, agent_id, status_id, season_id,
    shipping_address_id, billing_address_id, date_order, date_modified, date_delivery, observation,
    gross_amount, base_amount, shipping_amount, tax_amount, taxrec_amount, total_amount,
    total_quantity, quantity_served, quantity_pending, shipper, origin, is_sale, active, version,
    created_at, updated_at)
SELECT r.run || '-' || lpad(to_hex(i), 23, '0'), :'tenant', 'BENCH-' || r.run || '-' || i, 'PO-' || i,
       r.company_id, r.client_id, r.agent_id, r.status_id, NULL, r.shipping_id, r.billing_id,
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + i * INTERVAL '1 second', NULL, NULL, NULL,
       100, 100, 0, 21, NULL, 121, 5, 0, 5, NULL, 'api', TRUE, TRUE, 1,
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + i * INTERVAL '1 second',
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + i * INTERVAL '1 second'
FROM bench_refs r, generate_series(1, :orders) AS i;

INSERT INTO order_discount (id, order_id, id_remote, discount_type_id, sequence, discount, amount_discount,
    is_line, is_header, position)
SELECT r.run || '-' || lpad(to_hex(i), 19, '0') || 'd' || lpad(d::text, 3, '0'),
       r.run || '-' || lpad(to_hex(i), 23, '0'), 'D' || d, r.discount_type_id, d, 5, 5, FALSE, TRUE, d - 1
FROM bench_refs r, generate_series(1, :orders) AS i, generate_series(1, 2) AS d;

INSERT INTO order_line (id, order_id, id_remote, line_status_id, observations, delivery_date, line_amount,
    quantity, quantity_served, quantity_from_stock, position)
SELECT r.run || '-' || lpad(to_hex(i), 19, '0') || 'l' || lpad(l::text, 3, '0'),
       r.run || '-' || lpad(to_hex(i), 23, '0'), 'L' || l, r.line_status_id, NULL, NULL, 20, 1, 0, 0, l - 1
FROM bench_refs r, generate_series(1, :orders) AS i, generate_series(1, 5) AS l;

INSERT INTO line_detail (id, line_id, id_remote, product_id, quantity, price, retail_price, position)
SELECT r.run || '-' || lpad(to_hex(i), 19, '0') || 'x' || lpad(l::text, 3, '0'),
       r.run || '-' || lpad(to_hex(i), 19, '0') || 'l' || lpad(l::text, 3, '0'), 'X1', r.product_id, 1, 20, 40, 0
FROM bench_refs r, generate_series(1, :orders) AS i, generate_series(1, 5) AS l;
COMMIT;
-- index-only scans need the visibility map: a fresh book is vacuumed as autovacuum would do it
VACUUM ANALYZE orders;
VACUUM ANALYZE order_line;
VACUUM ANALYZE order_discount;
VACUUM ANALYZE line_detail;
