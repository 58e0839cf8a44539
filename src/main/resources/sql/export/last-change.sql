-- The highest change number handed out: an export reads up to here.
SELECT COALESCE(MAX(seq), 0) FROM order_change
