-- Folded rows added to a bucket's count; a bucket whose orders are all gone keeps no row.
MERGE INTO order_count c
USING (SELECT CAST(:tenant AS VARCHAR(64)) AS tenant, CAST(:grain AS INT) AS grain,
              CAST(:bucket AS BIGINT) AS bucket, CAST(:orders AS BIGINT) AS orders) f
ON c.tenant = f.tenant AND c.grain = f.grain AND c.bucket = f.bucket
WHEN MATCHED AND c.orders + f.orders = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET orders = c.orders + f.orders
WHEN NOT MATCHED THEN INSERT (tenant, grain, bucket, orders) VALUES (f.tenant, f.grain, f.bucket, f.orders)
