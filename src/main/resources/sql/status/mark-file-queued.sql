-- Every order of the file has its status entry: its result file may be written once they are final.
UPDATE message SET queued_at = :now WHERE message_id = :messageId
