-- What operators see of a partner's export.
SELECT partner, watermark, lease_owner, lease_until, last_run_at, last_success_at, last_file, last_error,
       exported_orders, failed_runs
FROM export_state WHERE partner = :partner
