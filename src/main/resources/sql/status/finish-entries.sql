-- Entries become final once: completed (with their order) or failed (with code and message), a
-- batch of them in one statement (one statement per entry cost the database more than the
-- orders' own rows). Each entry is found by its primary key; one already final stays as it is.
MERGE INTO message_status m
USING (SELECT * FROM UNNEST(:messageIds, :indexes, :orderIds, :codes, :errorMessages)
       AS o(message_id, entry_index, order_id, code, error_message)) o
ON m.message_id = o.message_id AND m.entry_index = o.entry_index
WHEN MATCHED AND m.status IN ('pending', 'processing') THEN UPDATE
SET status = CASE WHEN o.code < 300 THEN 'completed' ELSE 'failed' END, order_id = o.order_id, code = o.code,
    error_message = o.error_message, updated_at = :now, payload = NULL
