-- The highest change number handed out: an export reads up to here. Delivered changes may have
-- been deleted (export/prune-changes), so the watermarks count too.
SELECT GREATEST((SELECT COALESCE(MAX(seq), 0) FROM order_change),
                (SELECT COALESCE(MAX(watermark), 0) FROM export_state))
