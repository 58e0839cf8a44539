-- A dead-lettered order goes back to pending (with its JSON again) before it is queued anew.
UPDATE message_status
SET status = 'pending', code = NULL, error_message = NULL, order_id = NULL, payload = :payload, updated_at = :now
WHERE message_id = :messageId AND entry_index = :index AND status IN ('failed', 'pending') AND order_id IS NULL
