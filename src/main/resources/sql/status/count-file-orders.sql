-- How many orders the file of a claimed message has, once its first read has counted them.
UPDATE message SET order_count = :orderCount WHERE message_id = :messageId
