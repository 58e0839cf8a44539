-- Messages of files whose every order is final (all entries recorded, none open) and whose
-- result file is not written yet.
SELECT m.message_id, m.partner, m.file_name
FROM message m
WHERE m.partner IS NOT NULL AND m.result_at IS NULL
  AND (SELECT COUNT(*) FROM message_status s WHERE s.message_id = m.message_id) = m.order_count
  AND NOT EXISTS (SELECT 1 FROM message_status s
                  WHERE s.message_id = m.message_id AND s.status IN ('pending', 'processing'))
ORDER BY m.created_at
