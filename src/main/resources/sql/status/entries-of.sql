SELECT entry_index, id_remote, order_id, status, code, error_message
FROM message_status
WHERE message_id = :messageId
ORDER BY entry_index
