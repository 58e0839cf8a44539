import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limit L of the benchmark: plain JDBC writing the orders the hub stores (1 order + L lines
 * with a detail each + 2 header discounts) straight into the hub's schema, with no hub in the
 * way, so the intake can be judged against what the database takes on this machine. Also loads
 * large order books for the read benchmark, which is the same work.
 *
 * The orders reference the reference data CreateOrdersBench creates for a run prefix.
 *
 * java -cp <jdbc driver> bench/LimitLoader.java --url jdbc:... [--user postgres] [--password ""]
 *      --tenant bench --run <reference run prefix> --prefix <idRemote prefix>
 *      [--orders 100000 | --fill-to <orders in the tenant>] [--lines 5] [--per-tx 100] [--threads 2]
 *      [--out results.tsv --key limit.batched --label "L: 100 orders per transaction"]
 */
public class LimitLoader {

    private static final OffsetDateTime DATE_ORDER = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    private record References(String company, String client, String agent, String location, String status,
            String lineStatus, List<String> products, String discountType) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("user", "postgres", "password", "", "tenant", "bench",
                "orders", "100000", "lines", "5", "per-tx", "100", "threads", "2"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.get("url");
        String tenant = options.get("tenant");
        String prefix = options.get("prefix");
        int requested = Integer.parseInt(options.get("orders"));
        int lines = Integer.parseInt(options.get("lines"));
        int perTx = Integer.parseInt(options.get("per-tx"));
        int threads = Integer.parseInt(options.get("threads"));

        References refs;
        try (Connection db = connect(options)) {
            refs = references(db, tenant, options.get("run"));
            if (options.containsKey("fill-to")) {
                // a read benchmark wants the tenant at a size, whatever the steps before left in it
                try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM orders WHERE tenant = ?")) {
                    count.setString(1, tenant);
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        requested = (int) Math.max(0, Long.parseLong(options.get("fill-to")) - row.getLong(1));
                    }
                }
            }
        }
        int orders = requested;
        int transactions = (orders + perTx - 1) / perTx;
        AtomicInteger nextTx = new AtomicInteger();
        // connections are opened before the clock starts: L is what the inserts cost, not the logins
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection db = connect(options);
            db.setAutoCommit(false);
            connections.add(db);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (Connection db : connections) {
            workers.add(pool.submit(() -> {
                // prepared once per session, as a real writer would: the server plans each insert once
                try (Statements statements = new Statements(db)) {
                    for (int tx = nextTx.getAndIncrement(); tx < transactions; tx = nextTx.getAndIncrement()) {
                        insert(statements, refs, tenant, prefix, tx * perTx, Math.min(orders, (tx + 1) * perTx),
                                lines);
                        db.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (Connection db : connections) {
            db.close();
        }
        long rows = (long) orders * (1 + 2L * lines + 2);
        System.out.printf("%,d orders (%,d rows) in %.1f s: %,.0f orders/s, %,.0f rows/s (%d per transaction, %d threads)%n",
                orders, rows, seconds, orders / seconds, rows / seconds, perTx, threads);
        if (options.containsKey("out")) {
            String key = options.get("key");
            String label = options.get("label");
            List<String> tsv = List.of(
                    key + ".orders_per_s\t%.0f\torders/s\t%s".formatted(orders / seconds, label),
                    key + ".rows_per_s\t%.0f\trows/s\t%s, rows".formatted(rows / seconds, label),
                    key + ".seconds\t%.1f\ts\t%s, duration".formatted(seconds, label),
                    key + ".orders\t%d\torders\t%s, orders written".formatted(orders, label));
            Files.write(Path.of(options.get("out")), tsv, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static Connection connect(Map<String, String> options) throws SQLException {
        return DriverManager.getConnection(options.get("url"), options.get("user"), options.get("password"));
    }

    private static References references(Connection db, String tenant, String run) throws SQLException {
        List<String> products = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            products.add(id(db, "product", tenant, run + "-PR" + p));
        }
        return new References(id(db, "company", tenant, run + "-CO"), id(db, "business_partner", tenant, run + "-CL"),
                id(db, "business_partner", tenant, run + "-AG"), id(db, "partner_location", tenant, run + "-LOC"),
                id(db, "order_status", tenant, "Pending"), id(db, "line_status", tenant, "Pending"), products,
                id(db, "discount_type", tenant, run + "-DT"));
    }

    private static String id(Connection db, String table, String tenant, String idRemote) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id FROM " + table + " WHERE tenant = ? AND id_remote = ?")) {
            query.setString(1, tenant);
            query.setString(2, idRemote);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no " + table + " " + idRemote + " in tenant " + tenant);
                }
                return row.getString(1);
            }
        }
    }

    /** The inserts of the 13 rows of an order, one statement per table. */
    private record Statements(PreparedStatement order, PreparedStatement line, PreparedStatement detail,
            PreparedStatement discount) implements AutoCloseable {

        Statements(Connection db) throws SQLException {
            this(db.prepareStatement("""
                INSERT INTO orders (id, tenant, id_remote, reference, company_id, client_id, agent_id, status_id,
                    season_id, shipping_address_id, billing_address_id, date_order, date_modified, date_delivery,
                    observation, gross_amount, base_amount, shipping_amount, tax_amount, taxrec_amount, total_amount,
                    total_quantity, quantity_served, quantity_pending, shipper, origin, is_sale, active, version,
                    created_at, updated_at)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, ?,
                    NULL, 'api', TRUE, TRUE, 1, ?, ?)"""),
                    db.prepareStatement("""
                        INSERT INTO order_line (id, order_id, id_remote, line_status_id, observations, delivery_date,
                            line_amount, quantity, quantity_served, quantity_from_stock, position)
                        VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, NULL, NULL, ?)"""),
                    db.prepareStatement("""
                        INSERT INTO line_detail (id, line_id, id_remote, product_id, quantity, price, retail_price,
                            position)
                        VALUES (?, ?, ?, ?, ?, ?, NULL, 0)"""),
                    db.prepareStatement("""
                        INSERT INTO order_discount (id, order_id, id_remote, discount_type_id, sequence, discount,
                            amount_discount, is_line, is_header, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, TRUE, ?)"""));
        }

        @Override
        public void close() throws SQLException {
            order.close();
            line.close();
            detail.close();
            discount.close();
        }
    }

    /** Orders [from, to) in one transaction: one batch per table, parents first. */
    private static void insert(Statements s, References refs, String tenant, String prefix, int from, int to,
            int lines) throws SQLException {
        PreparedStatement order = s.order();
        PreparedStatement line = s.line();
        PreparedStatement detail = s.detail();
        PreparedStatement discount = s.discount();
        for (int n = from; n < to; n++) {
            String orderId = uuid7();
            // the hub stamps each order when it stores it, to the microsecond
            OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            int i = 1;
            order.setString(i++, orderId);
            order.setString(i++, tenant);
            order.setString(i++, prefix + "-" + n);
            order.setString(i++, refs.company());
            order.setString(i++, refs.client());
            order.setString(i++, refs.agent());
            order.setString(i++, refs.status());
            order.setString(i++, refs.location());
            order.setString(i++, refs.location());
            order.setObject(i++, DATE_ORDER, Types.TIMESTAMP_WITH_TIMEZONE);
            for (int amount : new int[] {105, 100, 5, 21, 126, lines, 0, lines}) {
                order.setBigDecimal(i++, BigDecimal.valueOf(amount));
            }
            order.setObject(i++, now, Types.TIMESTAMP_WITH_TIMEZONE);
            order.setObject(i, now, Types.TIMESTAMP_WITH_TIMEZONE);
            order.addBatch();
            for (int l = 0; l < lines; l++) {
                String lineId = uuid7();
                line.setString(1, lineId);
                line.setString(2, orderId);
                line.setString(3, "L" + l);
                line.setString(4, refs.lineStatus());
                line.setBigDecimal(5, BigDecimal.valueOf(21));
                line.setBigDecimal(6, BigDecimal.ONE);
                line.setInt(7, l);
                line.addBatch();
                detail.setString(1, uuid7());
                detail.setString(2, lineId);
                detail.setString(3, "L" + l + "-1");
                detail.setString(4, refs.products().get(l % refs.products().size()));
                detail.setBigDecimal(5, BigDecimal.ONE);
                detail.setBigDecimal(6, BigDecimal.valueOf(21));
                detail.addBatch();
            }
            for (int d = 0; d < 2; d++) {
                discount.setString(1, uuid7());
                discount.setString(2, orderId);
                discount.setString(3, "D" + (d + 1));
                discount.setString(4, refs.discountType());
                discount.setInt(5, d + 1);
                discount.setBigDecimal(6, d == 0 ? new BigDecimal("5") : new BigDecimal("2"));
                discount.setBigDecimal(7, d == 0 ? new BigDecimal("5.25") : new BigDecimal("2.1"));
                discount.setInt(8, d);
                discount.addBatch();
            }
        }
        order.executeBatch();
        line.executeBatch();
        detail.executeBatch();
        discount.executeBatch();
    }

    /** A time-ordered UUID (version 7), the shape of the hub's ids, so indexes grow the same way. */
    private static String uuid7() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | random.nextInt(0x1000);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
