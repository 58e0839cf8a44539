SELECT delivery_note_id, line_id
FROM delivery_note_line
WHERE delivery_note_id IN (:noteIds)
ORDER BY delivery_note_id, position
