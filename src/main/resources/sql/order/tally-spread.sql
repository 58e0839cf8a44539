-- Tenants whose tally is spread over more rows than the fold leaves.
SELECT tenant FROM order_count_delta GROUP BY tenant HAVING COUNT(*) > :atMost
