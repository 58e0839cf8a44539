UPDATE message SET result_written_at = :now WHERE message_id = :messageId
