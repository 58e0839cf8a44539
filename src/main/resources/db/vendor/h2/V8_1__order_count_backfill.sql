-- The orders stored before V8, counted afresh at every grain; from now on H2OrderTally adds a row
-- per grain to order_count_delta for each order written, and V7's single count goes.
DROP TABLE order_tally;
INSERT INTO order_count (tenant, grain, bucket, orders)
SELECT tenant, grain, bucket, COUNT(*)
FROM (SELECT o.tenant, g.grain,
             CASE WHEN g.grain = 0 THEN 0 ELSE CAST(FLOOR(EXTRACT(EPOCH FROM o.created_at) / g.grain) AS BIGINT) * g.grain END AS bucket
      FROM orders o CROSS JOIN (VALUES (0), (86400), (60), (1)) AS g (grain)) b
GROUP BY tenant, grain, bucket;
