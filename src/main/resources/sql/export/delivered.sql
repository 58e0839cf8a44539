-- The run delivered what it read (or found nothing for the partner): the watermark moves to
-- the last change it read, the lease is let go.
UPDATE export_state SET watermark = :watermark, last_success_at = :now, last_file = COALESCE(:file, last_file),
    last_error = NULL, exported_orders = exported_orders + :orders, lease_owner = NULL, lease_until = NULL
WHERE partner = :partner AND lease_owner = :owner
