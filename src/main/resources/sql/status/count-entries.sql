-- The entries a file's message has recorded: always its first ones (each chunk is recorded whole, in file order).
SELECT COUNT(*) FROM message_status WHERE message_id = :messageId
