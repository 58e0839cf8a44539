-- One sequencer at a time, across instances: numbers are handed out in commit order.
SELECT id FROM change_sequencer WHERE id = 1 FOR UPDATE
