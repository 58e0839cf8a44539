-- Messages of files whose every order has its status entry (queued_at) and whose result file is
-- not written yet (nor being written: a claim younger than :staleBefore): a few rows. Whether
-- their orders are all final is asked per message (status/count-open-entries), not in a
-- correlated subquery, which H2 answered from a stale cache.
SELECT message_id, partner, file_name
FROM message
WHERE partner IS NOT NULL AND result_written_at IS NULL AND queued_at IS NOT NULL
  AND (result_at IS NULL OR result_at < :staleBefore)
ORDER BY created_at
