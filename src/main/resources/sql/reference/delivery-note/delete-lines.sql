DELETE FROM delivery_note_line WHERE delivery_note_id = :noteId
