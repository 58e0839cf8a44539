package com.orderhub.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The embedded database's half of the order tally (migration V7_1 for H2; PostgreSQL uses
 * statement triggers instead): every order inserted or deleted adds a row of +1 or -1 for its
 * tenant to {@code order_tally}, in the writer's transaction, so the tally commits or rolls back
 * with the order. H2 runs it inside the writing statement, on that statement's connection.
 */
public class H2OrderTally implements Trigger {

    /** The fold's own insert (:tenant, :delta), with JDBC's placeholders: H2 calls this with a plain connection. */
    private static final String INSERT = PositionalSql.of("order/tally-insert").sql();

    private int tenantColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        // the position of tenant in orders' rows, looked up once rather than assumed
        try (var columns = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                if ("tenant".equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                    tenantColumn = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        if (tenantColumn < 0) {
            throw new SQLException("Table " + tableName + " has no tenant column to tally");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] row = newRow != null ? newRow : oldRow;
        try (PreparedStatement insert = conn.prepareStatement(INSERT)) {
            insert.setString(1, String.valueOf(row[tenantColumn]));
            insert.setLong(2, newRow != null ? 1 : -1);
            insert.executeUpdate();
        }
    }
}
