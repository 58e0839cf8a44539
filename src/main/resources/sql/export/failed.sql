-- The run's delivery failed: the watermark stays where it was, so the next run sends it again.
UPDATE export_state SET last_error = :error, failed_runs = failed_runs + 1, lease_owner = NULL, lease_until = NULL
WHERE partner = :partner AND lease_owner = :owner
