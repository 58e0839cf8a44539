-- A writer's part of a bucket's count (H2's trigger; PostgreSQL's triggers write the same rows).
INSERT INTO order_count_delta (tenant, grain, bucket, delta) VALUES (:tenant, :grain, :bucket, :delta)
