-- The message made of these bytes of this partner, if any (one at most: ux_message_file_content).
SELECT message_id, file_name, file_size, file_modified, created_at, queued_at, result_written_at
FROM message
WHERE partner = :partner AND file_sha256 = :sha256
