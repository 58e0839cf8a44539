DELETE FROM message_status WHERE message_id = :messageId
