-- The result file could not be written: try again on the next round.
UPDATE message SET result_at = NULL WHERE message_id = :messageId
