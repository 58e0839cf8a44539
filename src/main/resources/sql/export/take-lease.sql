-- The instance whose update changes the row runs the partner's export; the lease expires on
-- its own if that instance dies mid-run. The tenant is set on every run (rows of older hubs
-- have none).
UPDATE export_state SET lease_owner = :owner, lease_until = :until, last_run_at = :now, tenant = :tenant
WHERE partner = :partner AND (lease_until IS NULL OR lease_until < :now)
