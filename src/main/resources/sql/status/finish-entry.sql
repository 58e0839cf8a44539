-- An entry becomes final once: completed (with its order) or failed (with code and message).
UPDATE message_status
SET status = :status, order_id = :orderId, code = :code, error_message = :errorMessage,
    updated_at = :now, payload = NULL
WHERE message_id = :messageId AND entry_index = :index AND status IN ('pending', 'processing')
