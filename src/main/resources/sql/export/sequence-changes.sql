-- Numbers every committed change that has none yet (uncommitted ones are not seen: they get a
-- higher number in a later pass).
UPDATE order_change SET seq = nextval('order_change_seq') WHERE seq IS NULL
