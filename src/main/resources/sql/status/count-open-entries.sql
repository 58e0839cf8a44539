-- The orders of a message not final yet (the open-entries index answers it).
SELECT COUNT(*) FROM message_status WHERE status IN ('pending', 'processing') AND message_id = :messageId
