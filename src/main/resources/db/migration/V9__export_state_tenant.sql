-- The tenant whose orders a partner's export sends, kept with its watermark: delivered changes
-- are deleted only up to the lowest watermark of every partner of the tenant that has an export
-- state, configured on this instance or not. NULL in rows from before this column until the
-- partner's next run (such a row holds every tenant's changes back: its tenant is not known).
ALTER TABLE export_state ADD COLUMN tenant VARCHAR(64);
