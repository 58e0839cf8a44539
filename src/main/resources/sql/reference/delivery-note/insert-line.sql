INSERT INTO delivery_note_line (delivery_note_id, line_id, position) VALUES (:noteId, :lineId, :position)
