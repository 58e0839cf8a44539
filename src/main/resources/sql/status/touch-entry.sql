-- Takes a stuck entry for queueing it again (0 rows: it became final, or another instance took
-- it first); its new time keeps it from being queued again before the next stuck-after.
UPDATE message_status SET updated_at = :now
WHERE message_id = :messageId AND entry_index = :index AND status IN ('pending', 'processing')
  AND updated_at < :before
