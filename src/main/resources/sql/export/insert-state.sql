-- A partner's export state, created at its first run: it starts before the first change.
INSERT INTO export_state (partner, tenant, watermark, exported_orders, failed_runs)
SELECT :partner, :tenant, 0, 0, 0 FROM change_sequencer
WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM export_state WHERE partner = :partner)
