-- The oldest of a tenant's rows not folded yet, locked: a concurrent fold waits, then skips what
-- this one deleted. Rows of writers not yet committed are not seen and stay for the next fold.
-- tenant leads the ORDER BY as it leads the index: H2 sorts the tenant's every row otherwise.
SELECT id, grain, bucket, delta FROM order_count_delta WHERE tenant = :tenant ORDER BY tenant, id LIMIT :limit FOR UPDATE
