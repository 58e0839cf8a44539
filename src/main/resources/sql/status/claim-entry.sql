-- Claims an open entry of a queued batch for the intake's transaction (0 rows: final already,
-- or unknown). The row lock makes a redelivered copy of the batch wait, then find the entry
-- final. 'processing' is never seen by others: the same transaction makes the entry final, or
-- rolls back to pending. A primary-key probe per entry, run as one batch, whatever the planner
-- knows (a file's message has up to a million entries).
UPDATE message_status SET status = 'processing'
WHERE message_id = :messageId AND entry_index = :index AND status IN ('pending', 'processing')
