-- The entry of one queued order, locked so a redelivered copy waits and then sees it final.
SELECT status FROM message_status WHERE message_id = :messageId AND entry_index = :index FOR UPDATE
