-- Forgets a message whose orders could not be queued, so a retry starts afresh.
DELETE FROM message WHERE message_id = :messageId
