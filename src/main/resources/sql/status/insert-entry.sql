INSERT INTO message_status (message_id, entry_index, id_remote, order_id, status, code, error_message, updated_at, payload)
VALUES (:messageId, :index, :idRemote, NULL, :status, :code, :errorMessage, :now, :payload)
