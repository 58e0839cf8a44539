-- H2 keeps order_tally (V7) with row triggers (H2 has no transition tables): one row per order
-- written, +1 or -1, which the fold-order-tally timer folds. See com.orderhub.db.H2OrderTally.
CREATE TRIGGER order_tally_insert AFTER INSERT ON orders FOR EACH ROW CALL 'com.orderhub.db.H2OrderTally';
CREATE TRIGGER order_tally_delete AFTER DELETE ON orders FOR EACH ROW CALL 'com.orderhub.db.H2OrderTally';

INSERT INTO order_tally (tenant, delta) SELECT tenant, COUNT(*) FROM orders GROUP BY tenant;
