-- The open entries of one message untouched since :before, with what it takes to queue them again
-- (a file taken again after a crash: its last chunk may have been recorded and never queued).
SELECT s.message_id, s.entry_index, s.payload, m.tenant, m.origin
FROM message_status s
JOIN message m ON m.message_id = s.message_id
WHERE s.message_id = :messageId AND s.status IN ('pending', 'processing') AND s.payload IS NOT NULL
  AND s.updated_at < :before
ORDER BY s.entry_index
