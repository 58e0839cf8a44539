-- The oldest parts of a tenant's tally, locked: a concurrent fold waits, then skips what this one
-- deleted. Rows of writers not yet committed are not seen and stay for the next fold.
SELECT id, delta FROM order_tally WHERE tenant = :tenant ORDER BY id LIMIT :limit FOR UPDATE
