package com.orderhub.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V8 on a book that already holds orders, as on every hub that upgrades: the day, minute
 * and second counts must be those of the orders stored before it (on both sides of a day, a
 * minute and the epoch), and V7's count gone. Run on H2 and on a schema of its own in
 * PostgreSQL; the triggers after V8 are what every read test runs on.
 */
class OrderCountMigrationTest {

    private static final List<Instant> CREATED = List.of(
            Instant.parse("2026-03-30T23:59:59.999999Z"), Instant.parse("2026-03-31T00:00:00Z"),
            Instant.parse("2026-03-31T00:00:00Z"), Instant.parse("2026-03-31T00:00:00.5Z"),
            Instant.parse("2026-03-31T00:01:00Z"), Instant.parse("2026-03-31T10:00:59Z"),
            Instant.parse("1969-12-31T23:59:59.5Z"));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theCountsOfTheOrdersStoredBeforeItAreThoseOfTheirDaysMinutesAndSeconds(String vendor) throws SQLException {
        String schema = "order_count_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect(vendor, schema)) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            try {
                migrate(dataSource, vendor, schema, "7.1");
                // the orders alone, written past their references and the V7 triggers (H2's trigger
                // class is already V8's, for columns this schema does not have yet)
                if (vendor.equals("h2")) {
                    jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
                    jdbc.execute("DROP TRIGGER order_tally_insert");
                } else {
                    jdbc.execute("SET session_replication_role = replica");
                }
                for (int i = 0; i < CREATED.size(); i++) {
                    insertOrder(jdbc, "O-" + i, CREATED.get(i));
                }
                // a tally row that does not match the orders: the counts must come from the orders
                jdbc.update("INSERT INTO order_tally (tenant, delta) VALUES ('demo', 5)");

                migrate(dataSource, vendor, schema, "latest");

                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE LOWER(table_name) = 'order_tally' AND LOWER(table_schema) = LOWER(?)", Long.class,
                        vendor.equals("h2") ? "public" : schema))
                        .as("V7's single count is dropped, so an earlier hub cannot fold the new rows into it").isZero();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_count_delta", Long.class)).isZero();
                for (int grain : OrderTally.GRAINS) {
                    assertThat(counts(jdbc, grain)).as("grain %d", grain).isEqualTo(expected(grain));
                }
            } finally {
                if (vendor.equals("postgresql")) {
                    jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private static Connection connect(String vendor, String schema) throws SQLException {
        if (vendor.equals("h2")) {
            return DriverManager.getConnection("jdbc:h2:mem:" + schema
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        }
        Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    private static void migrate(SingleConnectionDataSource dataSource, String vendor, String schema, String target) {
        var flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).target(target);
        if (vendor.equals("postgresql")) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
    }

    private static void insertOrder(JdbcTemplate jdbc, String idRemote, Instant createdAt) {
        var at = createdAt.atOffset(ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO orders (id, tenant, id_remote, company_id, client_id, agent_id, status_id,
                    shipping_address_id, billing_address_id, date_order, gross_amount, base_amount, shipping_amount,
                    tax_amount, total_amount, total_quantity, quantity_served, quantity_pending, origin, is_sale,
                    active, version, created_at, updated_at)
                VALUES (?, 'demo', ?, 'C', 'CL', 'AG', 'ST', 'SH', 'BI', ?, 0, 0, 0, 0, 0, 0, 0, 0, 'api', TRUE, TRUE,
                    1, ?, ?)""", UUID.randomUUID().toString(), idRemote, at, at, at);
    }

    private static Map<Long, Long> counts(JdbcTemplate jdbc, int grain) {
        Map<Long, Long> counts = new TreeMap<>();
        jdbc.query("SELECT bucket, orders FROM order_count WHERE tenant = 'demo' AND grain = ?",
                rs -> {
                    counts.put(rs.getLong("bucket"), rs.getLong("orders"));
                }, grain);
        return counts;
    }

    private static Map<Long, Long> expected(int grain) {
        Map<Long, Long> counts = new TreeMap<>();
        for (Instant created : CREATED) {
            long bucket = grain == 0 ? 0 : Math.floorDiv(created.getEpochSecond(), grain) * grain;
            counts.merge(bucket, 1L, Long::sum);
        }
        return counts;
    }
}
