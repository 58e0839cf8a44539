-- One instance writes a file's result: the one whose claim updates the row. A claim older than
-- :staleBefore was made by an instance that died before it wrote the file, and is taken over.
UPDATE message SET result_at = :now
WHERE message_id = :messageId AND result_written_at IS NULL AND (result_at IS NULL OR result_at < :staleBefore)
