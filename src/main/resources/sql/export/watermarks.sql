-- The watermarks of these partners (those that have run at least once).
SELECT watermark FROM export_state WHERE partner IN (:partners)
