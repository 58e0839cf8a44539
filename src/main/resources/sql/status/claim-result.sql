-- One instance writes a file's result: the one whose claim updates the row.
UPDATE message SET result_at = :now WHERE message_id = :messageId AND result_at IS NULL
