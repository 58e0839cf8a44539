-- An order was created, updated or deleted: the exports will send its state (or tombstone).
INSERT INTO order_change (change_id, tenant, order_id, changed_at) VALUES (:changeId, :tenant, :orderId, :now)
