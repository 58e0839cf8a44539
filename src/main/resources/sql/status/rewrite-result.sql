-- The file of a message found again in its inbox (a crash came between its queueing and its move
-- to .done): its result file is written again, with the same entries.
UPDATE message SET result_written_at = NULL, result_at = NULL WHERE message_id = :messageId
