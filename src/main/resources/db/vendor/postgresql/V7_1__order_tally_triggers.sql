-- PostgreSQL keeps order_tally (V7) with statement triggers: one row per INSERT or DELETE
-- statement and tenant, however many orders the statement wrote (a rewritten batch of a hundred
-- orders adds one row). search_path is pinned so a session with another one still finds the table.
CREATE FUNCTION order_tally_inserted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO order_tally (tenant, delta) SELECT tenant, COUNT(*) FROM inserted_orders GROUP BY tenant;
    RETURN NULL;
END $$;

CREATE FUNCTION order_tally_deleted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO order_tally (tenant, delta) SELECT tenant, -COUNT(*) FROM deleted_orders GROUP BY tenant;
    RETURN NULL;
END $$;

-- TRUNCATE fires no row or statement DML trigger: without this the tally would outlive the orders.
CREATE FUNCTION order_tally_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM order_tally;
    RETURN NULL;
END $$;

CREATE TRIGGER order_tally_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS inserted_orders
    FOR EACH STATEMENT EXECUTE FUNCTION order_tally_inserted();
CREATE TRIGGER order_tally_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS deleted_orders
    FOR EACH STATEMENT EXECUTE FUNCTION order_tally_deleted();
CREATE TRIGGER order_tally_truncate AFTER TRUNCATE ON orders
    FOR EACH STATEMENT EXECUTE FUNCTION order_tally_truncated();

-- The orders stored before this migration. CREATE TRIGGER locked orders against writes until this
-- transaction commits, so an order is either counted here or by a trigger, never both or neither.
INSERT INTO order_tally (tenant, delta) SELECT tenant, COUNT(*) FROM orders GROUP BY tenant;
