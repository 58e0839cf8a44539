package com.orderhub.db;

import com.orderhub.order.OrderTally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.h2.api.Trigger;

/**
 * The embedded database's half of the order tally (created by migration V7_1 for H2; PostgreSQL
 * uses statement triggers instead): every order inserted or deleted adds a row of +1 or -1 to
 * {@code order_count_delta} for each grain of {@link OrderTally#GRAINS} (its tenant's whole book,
 * and the day, minute and second of its createdAt), in the writer's transaction, so the counts
 * commit or roll back with the order. H2 runs it inside the writing statement, on that
 * statement's connection.
 */
public class H2OrderTally implements Trigger {

    /** (:tenant, :grain, :bucket, :delta) with JDBC's placeholders: H2 calls this with a plain connection. */
    private static final String INSERT = PositionalSql.of("order/tally-add").sql();

    private int tenantColumn = -1;
    private int createdColumn = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        // the position of tenant in orders' rows, looked up once rather than assumed
        try (var columns = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                String column = columns.getString("COLUMN_NAME");
                if ("tenant".equalsIgnoreCase(column)) {
                    tenantColumn = columns.getInt("ORDINAL_POSITION") - 1;
                } else if ("created_at".equalsIgnoreCase(column)) {
                    createdColumn = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        if (tenantColumn < 0 || createdColumn < 0) {
            throw new SQLException("Table " + tableName + " has no tenant and created_at columns to tally");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] row = newRow != null ? newRow : oldRow;
        String tenant = String.valueOf(row[tenantColumn]);
        if (!(row[createdColumn] instanceof OffsetDateTime createdAt)) {
            throw new SQLException("created_at is not a timestamp with time zone: " + row[createdColumn]);
        }
        long second = createdAt.toEpochSecond();
        try (PreparedStatement insert = conn.prepareStatement(INSERT)) {
            for (int grain : OrderTally.GRAINS) {
                insert.setString(1, tenant);
                insert.setInt(2, grain);
                insert.setLong(3, grain == 0 ? 0 : Math.floorDiv(second, grain) * grain);
                insert.setLong(4, newRow != null ? 1 : -1);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
