import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read latency of a running hub on a large order book, at a fixed number of concurrent clients:
 * getOrder at page 1, a middle page and a deep page; get by idRemote; and walks of updatedFrom
 * that follow nextPageUrl from the start, the middle and the end of the change feed. The database
 * is read directly only to pick what to ask for (idRemotes, dates to start walks at). With
 * --explain-out (PostgreSQL), the hub's own read queries, taken from its jar, are run under
 * EXPLAIN ANALYZE with values from this order book.
 *
 * java -cp <jdbc driver> bench/ReadBench.java --url http://localhost:18090 --key bench-key
 *      --db-url jdbc:... [--db-user postgres] [--tenant bench] [--clients 4] [--samples 400]
 *      [--walk-pages 200] [--rounds 1] [--out results.tsv] [--explain-out plans.txt --jar hub.jar]
 *      [--hub-pid <pid> --clock-ticks <getconf CLK_TCK>]
 *
 * With --rounds n, every kind is measured n times, each round after the other, and its figures
 * are of all n rounds' requests together (the p99 of each round is printed beside them).
 *
 * With --hub-pid (Linux), each measured kind of request also reports the CPU it cost per request:
 * the hub's, PostgreSQL's (every server process, with its backends that have ended) and this
 * client's own, which shares the machine's cores with the other two.
 */
public class ReadBench {

    private static final Pattern NEXT = Pattern.compile("\"nextPageUrl\":\"([^\"]+)\"");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");
    private static final int PAGE_SIZE = 10;
    private static final int WARMUP_ROUNDS = 40;

    private final String base;
    private final String key;
    private final int clients;
    private final List<String> tsv = new ArrayList<>();
    private final CpuMeter cpu;

    ReadBench(String base, String key, int clients, CpuMeter cpu) {
        this.base = base;
        this.key = key;
        this.clients = clients;
        this.cpu = cpu;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("key", "bench-key", "db-user", "postgres",
                "db-password", "", "tenant", "bench", "clients", "4", "samples", "400", "walk-pages", "200", "rounds", "1"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clients = Integer.parseInt(options.get("clients"));
        int samples = Integer.parseInt(options.get("samples"));
        int walkPages = Integer.parseInt(options.get("walk-pages"));
        int rounds = Integer.parseInt(options.get("rounds"));
        // a warm-up round walks as many cursor pages as it reads of each other kind (always the same
        // pages): code only the walks run reaches its final tier as late as the walks call it
        int warmupWalkPages = (int) Math.ceil((double) samples / clients);
        String tenant = options.get("tenant");
        CpuMeter cpu = options.containsKey("hub-pid") ? new CpuMeter(Long.parseLong(options.get("hub-pid")),
                Integer.parseInt(options.getOrDefault("clock-ticks", "100"))) : null;
        ReadBench bench = new ReadBench(options.get("url") + "/api/database/v1", options.get("key"), clients, cpu);

        List<String> idRemotes = new ArrayList<>();
        Map<String, OffsetDateTime> walkStarts = new LinkedHashMap<>();
        long total;
        try (Connection db = DriverManager.getConnection(options.get("db-url"), options.get("db-user"),
                options.get("db-password"))) {
            total = count(db, tenant);
            try (PreparedStatement sample = db.prepareStatement(
                    "SELECT id_remote FROM orders WHERE tenant = ? ORDER BY RANDOM() LIMIT ?")) {
                sample.setString(1, tenant);
                sample.setInt(2, samples);
                try (ResultSet rows = sample.executeQuery()) {
                    while (rows.next()) {
                        idRemotes.add(rows.getString(1));
                    }
                }
            }
            // each region is walked by every client from its own start, one after the other's stretch,
            // so the clients read different pages and together cover walkPages pages of the region
            // and each round walks the stretch after the one before it, so no round reads pages that an
            // earlier one has brought into the caches
            long stretch = (long) Math.ceil((double) walkPages / clients) * PAGE_SIZE;
            long regionRows = stretch * clients * rounds;
            long warmupRows = (long) warmupWalkPages * PAGE_SIZE * clients;
            if (3 * regionRows + 2 * warmupRows + PAGE_SIZE > total) {
                throw new IllegalStateException("%,d orders are too few for %d rounds of walks of %d pages in 3 regions (more --read-orders, or fewer --rounds)"
                        .formatted(total, rounds, walkPages));
            }
            Map<String, Long> regions = new LinkedHashMap<>();
            regions.put("start", 0L);
            regions.put("middle", Math.max(0, total / 2 - regionRows / 2));
            regions.put("end", Math.max(0, total - regionRows - PAGE_SIZE));
            // the warm-up's walks: a stretch of its own, after the start's, which no round measures
            regions.put("warmup", regionRows);
            for (Map.Entry<String, Long> region : regions.entrySet()) {
                for (int r = 0; r < (region.getKey().equals("warmup") ? 1 : rounds); r++) {
                    for (int c = 0; c < clients; c++) {
                        long walk = region.getKey().equals("warmup") ? warmupRows / clients : stretch;
                        walkStarts.put(region.getKey() + r + "#" + c, updatedAtAt(db, tenant,
                                region.getValue() + (r * clients + c) * walk));
                    }
                }
            }
        }
        System.out.printf("Reads on %,d orders of tenant %s, %d concurrent clients%n", total, tenant, clients);
        bench.tsv.add("reads.orders_in_tenant\t%d\torders\tReads: orders in the tenant".formatted(total));
        bench.tsv.add("reads.clients\t%d\tclients\tReads: concurrent clients".formatted(clients));

        long lastPage = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        // warm-up: the first requests of each kind pay for class loading and JIT, not for the query.
        // On 2 cores the hub's optimizing compiler works on the read path for thousands of requests,
        // on a core the reads need: rounds of every kind of request are run until the hub's compiler
        // threads take under a twentieth of its CPU in two rounds running (at most WARMUP_ROUNDS; one
        // round when the hub's threads cannot be read)
        int warmupRounds = 0;
        int quietRounds = 0;
        double lastPerRequest = Double.MAX_VALUE;
        int requestsPerRound = 2 * samples + clients * warmupWalkPages;
        for (int round = 1; round <= WARMUP_ROUNDS; round++) {
            long[] before = cpu == null ? null : cpu.hubAndCompilerMillis();
            long start = System.nanoTime();
            bench.measure("warmup", "warm-up", samples, n -> "/Order/getOrder?pageSize=10&page="
                    + (n % 3 == 0 ? 1 + n % 50 : n % 3 == 1 ? Math.min(lastPage, 1000 + n % 50) : Math.max(1, lastPage - n % 50)));
            bench.measure("warmup", "warm-up", samples, n -> "/Order/get/" + enc(idRemotes.get(n % idRemotes.size())));
            bench.walks("warmup", "warm-up", walkStarts, "warmup0", warmupWalkPages);
            if (before == null) {
                break;
            }
            long[] after = cpu.hubAndCompilerMillis();
            double share = (double) (after[1] - before[1]) / Math.max(1, after[0] - before[0]);
            System.out.printf("warm-up round %d: %.1f s, the hub's compilers %,d ms of its %,d ms of CPU (%.0f %%), %.2f ms per request%n",
                    round, (System.nanoTime() - start) / 1e9, after[1] - before[1], after[0] - before[0], share * 100,
                    (double) (after[0] - before[0]) / requestsPerRound);
            warmupRounds = round;
            // idle compilers are not enough: code keeps moving up to its final tier for thousands of
            // requests more, and the hub's CPU per request falls with it; so also until that stops
            // falling. Twice running: a round can fall in a lull of the compilers' queue
            double perRequest = (double) (after[0] - before[0]) / requestsPerRound;
            boolean settled = perRequest >= 0.95 * lastPerRequest;
            lastPerRequest = perRequest;
            quietRounds = share < 0.05 && settled ? quietRounds + 1 : 0;
            if (quietRounds == 2) {
                break;
            }
        }
        if (warmupRounds > 0) {
            bench.tsv.add("reads.warmup_rounds\t%d\trounds\tReads: warm-up rounds (%s)".formatted(warmupRounds,
                    quietRounds == 2 ? "until the hub's compilers took < 5 % of its CPU and its CPU per request stopped falling, twice running"
                            : "the most there are; the hub's compilers were still busy"));
        }

        // every kind once a round, the rounds one after the other: a slow minute of a shared host falls
        // on every kind alike, and each figure is of every round's requests together
        int perClient = (int) Math.ceil((double) walkPages / clients);
        for (int round = 0; round < rounds; round++) {
            if (rounds > 1) {
                System.out.printf("reads, round %d of %d%n", round + 1, rounds);
            }
            bench.measure("get_order_page_1", "getOrder page 1", samples, n -> "/Order/getOrder?pageSize=10&page=1");
            for (long wanted : new long[] {1000, 50000}) {
                long page = Math.min(wanted, lastPage);
                bench.measure("get_order_page_" + wanted, "getOrder page %,d%s".formatted(page,
                        page == wanted ? "" : " (last page; " + wanted + " wanted)"),
                        samples, n -> "/Order/getOrder?pageSize=10&page=" + page);
            }
            bench.measure("get_by_id_remote", "get by idRemote", samples,
                    n -> "/Order/get/" + enc(idRemotes.get(n % idRemotes.size())));
            for (String region : List.of("start", "middle", "end")) {
                bench.walks("updated_from_" + region, "updatedFrom cursor pages, " + region + " of the feed",
                        walkStarts, region + round, perClient);
            }
        }
        bench.recordAll(rounds);

        if (options.containsKey("explain-out")) {
            try (Connection db = DriverManager.getConnection(options.get("db-url"), options.get("db-user"),
                    options.get("db-password"))) {
                bench.explain(db, tenant, total, options.get("jar"), Path.of(options.get("explain-out")));
            }
        }
        if (options.containsKey("out")) {
            Files.write(Path.of(options.get("out")), bench.tsv, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long count(Connection db, String tenant) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM orders WHERE tenant = ?")) {
            query.setString(1, tenant);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static OffsetDateTime updatedAtAt(Connection db, String tenant, long offset) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT updated_at FROM orders WHERE tenant = ? ORDER BY updated_at, id OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, tenant);
            query.setLong(2, offset);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getObject(1, OffsetDateTime.class);
            }
        }
    }

    /** count requests, spread over the clients; records p50/p99 under name unless it is a warm-up. */
    private void measure(String name, String label, int count, IntFunction<String> path) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] before = cpuBefore(name);
        record(name, label, before, onEveryClient((client, latencies) -> {
            for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                long t0 = System.nanoTime();
                get(base + path.apply(n));
                latencies.add(System.nanoTime() - t0);
            }
        }));
    }

    /** What one client does, adding the latency of each request it times. */
    private interface ClientWork {
        void run(int client, Queue<Long> latencies) throws Exception;
    }

    /** Runs the work on every client at once and answers the latencies they timed. */
    private List<Long> onEveryClient(ClientWork work) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                work.run(client, latencies);
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        return new ArrayList<>(latencies);
    }

    /**
     * Every client walks the feed from its own start in the region, following nextPageUrl for pages
     * pages. Only the cursor pages count: the first request of a walk is by date.
     */
    private void walks(String name, String label, Map<String, OffsetDateTime> starts, String region, int pages)
            throws Exception {
        // the first page of a walk is by date, and counts the feed from there: it is read before the
        // CPU is measured, which is the cursor pages'
        String[] firstPages = new String[clients];
        onEveryClient((client, latencies) -> {
            OffsetDateTime from = starts.get(region + "#" + client);
            firstPages[client] = get(base + "/Order/updatedFrom?pageSize=10&date="
                    + enc(from.withOffsetSameInstant(ZoneOffset.UTC).toString()));
        });
        long[] before = cpuBefore(name);
        record(name, label, before, onEveryClient((client, latencies) -> {
            String body = firstPages[client];
            for (int p = 0; p < pages; p++) {
                Matcher next = NEXT.matcher(body);
                if (!next.find()) {
                    throw new IllegalStateException("the walk in the " + region + " region ended after " + p + " pages");
                }
                long t0 = System.nanoTime();
                body = get(next.group(1));
                latencies.add(System.nanoTime() - t0);
            }
        }));
    }

    /**
     * One GET on a kept-alive connection of the JDK's blocking client: it costs the machine about
     * half the CPU per request of java.net.http's, whose cost the hub's latencies would carry too
     * (the client runs on the hub's cores).
     */
    private String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + key);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status + ": " + text);
            }
            return text;
        }
    }

    /** The CPU used so far, for a measured kind; a warm-up records nothing and reads nothing. */
    private long[] cpuBefore(String name) throws IOException {
        return name.equals("warmup") ? null : cpuNow();
    }

    private long[] cpuNow() throws IOException {
        return cpu == null ? null : cpu.millis();
    }

    /** What the rounds measured of one kind of request: every latency, the p99 of each round, the CPU spent. */
    private static final class Measured {
        final String label;
        final List<Long> latencies = new ArrayList<>();
        final List<Double> roundP99s = new ArrayList<>();
        long[] cpu;

        Measured(String label) {
            this.label = label;
        }
    }

    private final Map<String, Measured> measured = new LinkedHashMap<>();

    /** Adds a round of one kind to what its figures will be made of. */
    private void record(String name, String label, long[] cpuBefore, List<Long> latencies) throws IOException {
        if (name.equals("warmup")) {
            return;
        }
        long[] cpuAfter = cpuNow();
        Measured kind = measured.computeIfAbsent(name, n -> new Measured(label));
        kind.latencies.addAll(latencies);
        List<Long> round = new ArrayList<>(latencies);
        Collections.sort(round);
        kind.roundP99s.add(percentile(round, 0.99));
        if (cpuAfter != null) {
            if (kind.cpu == null) {
                kind.cpu = new long[cpuAfter.length];
            }
            for (int p = 0; p < cpuAfter.length; p++) {
                kind.cpu[p] += cpuAfter[p] - cpuBefore[p];
            }
        }
    }

    private void recordAll(int rounds) {
        System.out.println();
        for (Map.Entry<String, Measured> kind : measured.entrySet()) {
            record(kind.getKey(), kind.getValue(), rounds);
        }
    }

    private void record(String name, Measured kind, int rounds) {
        String label = kind.label;
        List<Long> latencies = kind.latencies;
        Collections.sort(latencies);
        double p50 = percentile(latencies, 0.50);
        double p99 = percentile(latencies, 0.99);
        double max = latencies.get(latencies.size() - 1) / 1e6;
        System.out.printf("%-50s n=%4d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", label, latencies.size(), p50, p99, max);
        tsv.add("reads.%s.p50_ms\t%.1f\tms\tReads: %s, p50".formatted(name, p50, label));
        tsv.add("reads.%s.p99_ms\t%.1f\tms\tReads: %s, p99".formatted(name, p99, label));
        tsv.add("reads.%s.max_ms\t%.1f\tms\tReads: %s, max".formatted(name, max, label));
        tsv.add("reads.%s.requests\t%d\trequests\tReads: %s, requests".formatted(name, latencies.size(), label));
        if (rounds > 1) {
            String each = kind.roundP99s.stream().map("%.1f"::formatted).collect(java.util.stream.Collectors.joining(" / "));
            System.out.printf("%-50s p99 of each round: %s ms%n", "", each);
            tsv.add("reads.%s.round_p99s_ms\t%s\tms\tReads: %s, p99 of each round".formatted(name, each, label));
        }
        if (kind.cpu != null) {
            StringBuilder line = new StringBuilder("%-50s CPU per request:".formatted(""));
            double total = 0;
            for (int p = 0; p < CpuMeter.PROCESSES.length; p++) {
                double ms = (double) kind.cpu[p] / latencies.size();
                total += ms;
                line.append("  %s %.2f ms".formatted(CpuMeter.PROCESSES[p], ms));
                tsv.add("reads.%s.cpu.%s_ms_per_request\t%.2f\tms\tReads: %s, CPU per request: %s"
                        .formatted(name, CpuMeter.PROCESSES[p], ms, label, CpuMeter.LABELS[p]));
            }
            System.out.println(line.append("  (%.2f ms in all)".formatted(total)));
        }
    }

    /**
     * CPU time used so far, from /proc, by the hub, by PostgreSQL, and by this client: what a
     * request costs each of the processes that share the cores.
     */
    private record CpuMeter(long hubPid, int clockTicks) {

        static final String[] PROCESSES = {"hub", "postgres", "client"};
        static final String[] LABELS = {"the hub", "PostgreSQL", "the read client"};

        long[] millis() throws IOException {
            long hub = ticks(Path.of("/proc/" + hubPid + "/stat"), false);
            long postgres = 0;
            try (var processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    Path stat = process.resolve("stat");
                    try {
                        String text = Files.readString(stat);
                        if (text.contains("(postgres)")) {
                            postgres += ticks(stat, true);
                        }
                    } catch (IOException ended) {
                        // a backend that ended between the listing and the read: its postmaster counts it
                    }
                }
            }
            long client = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
            return new long[] {hub * 1000 / clockTicks, postgres * 1000 / clockTicks, client};
        }

        /** The hub's CPU, and the part of it its JIT compiler threads took, in ms. */
        long[] hubAndCompilerMillis() throws IOException {
            long hub = ticks(Path.of("/proc/" + hubPid + "/stat"), false);
            long compilers = 0;
            try (var threads = Files.newDirectoryStream(Path.of("/proc/" + hubPid + "/task"))) {
                for (Path thread : threads) {
                    try {
                        // C1 and C2 CompilerThread<n>, cut to the 15 characters of a thread's comm
                        if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                            compilers += ticks(thread.resolve("stat"), false);
                        }
                    } catch (IOException ended) {
                        // a compiler thread that ended between the listing and the read
                    }
                }
            }
            return new long[] {hub * 1000 / clockTicks, compilers * 1000 / clockTicks};
        }

        /** utime + stime (fields 14 and 15), with the ended children's (16, 17) when asked. */
        private static long ticks(Path stat, boolean withChildren) throws IOException {
            String text = Files.readString(stat);
            String[] field = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // field[0] is field 3 of stat(5), the state
            long ticks = Long.parseLong(field[11]) + Long.parseLong(field[12]);
            return withChildren ? ticks + Long.parseLong(field[13]) + Long.parseLong(field[14]) : ticks;
        }
    }

    /** Nearest rank: the smallest latency that at least that share of the requests did not exceed. */
    private static double percentile(List<Long> sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the hub's read queries as its jar holds them, the named
     * parameters replaced by literals from this order book. A query whose file or parameters the
     * hub has since changed is reported as skipped rather than guessed at.
     */
    private void explain(Connection db, String tenant, long total, String jar, Path out) throws Exception {
        List<String> ids = new ArrayList<>();
        String firstIdRemote;
        OffsetDateTime middleAt;
        String middleId;
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id, id_remote FROM orders WHERE tenant = ? ORDER BY created_at, id LIMIT 10")) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id, id_remote, updated_at FROM orders WHERE tenant = ? ORDER BY updated_at, id OFFSET ? LIMIT 1")) {
            query.setString(1, tenant);
            query.setLong(2, total / 2);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                middleId = row.getString(1);
                firstIdRemote = row.getString(2);
                middleAt = row.getObject(3, OffsetDateTime.class);
            }
        }
        Map<String, String> common = Map.of("tenant", quote(tenant), "limit", String.valueOf(PAGE_SIZE + 1),
                "date", timestamp(OffsetDateTime.of(1999, 1, 1, 1, 0, 0, 0, ZoneOffset.UTC)),
                "afterAt", timestamp(middleAt), "afterId", quote(middleId),
                "ids", String.join(", ", ids.stream().map(ReadBench::quote).toList()),
                "refs", quote(firstIdRemote));
        long deep = Math.min(50000, Math.max(1, total / PAGE_SIZE));
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("count", Map.of());
        runs.put("page-by-created", Map.of("offset", "0"));
        runs.put("page-by-created#1000", Map.of("offset", String.valueOf(Math.min(999, deep - 1) * PAGE_SIZE)));
        // what a deep page would cost by OFFSET, against what the hub runs for one: its position by the counts
        runs.put("page-by-created#deep", Map.of("offset", String.valueOf((deep - 1) * PAGE_SIZE)));
        runs.put("page-position#deep", Map.of("offset", String.valueOf((deep - 1) * PAGE_SIZE)));
        runs.put("tally", Map.of());
        runs.put("count-updated", Map.of("date", timestamp(middleAt)));
        runs.put("page-by-updated", Map.of("offset", "0"));
        runs.put("page-by-updated-after", Map.of());
        runs.put("headers", Map.of());
        runs.put("children-of", Map.of());
        runs.put("resolve", Map.of());
        StringBuilder report = new StringBuilder();
        try (JarFile hub = new JarFile(jar); Statement statement = db.createStatement()) {
            for (Map.Entry<String, Map<String, String>> run : runs.entrySet()) {
                String file = run.getKey().replaceFirst("#.*", "");
                var entry = hub.getJarEntry("BOOT-INF/classes/sql/order/" + file + ".sql");
                if (entry == null) {
                    report.append("== ").append(run.getKey()).append(": no sql/order/").append(file).append(".sql in the jar\n\n");
                    continue;
                }
                String sql = new String(hub.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> values = new HashMap<>(common);
                values.putAll(run.getValue());
                Matcher parameter = Pattern.compile("(?<![:\\w]):(\\w+)").matcher(sql);
                StringBuilder bound = new StringBuilder();
                String missing = null;
                while (parameter.find()) {
                    String value = values.get(parameter.group(1));
                    if (value == null) {
                        missing = parameter.group(1);
                        break;
                    }
                    parameter.appendReplacement(bound, Matcher.quoteReplacement(value));
                }
                if (missing != null) {
                    report.append("== ").append(run.getKey()).append(": skipped, no value for :").append(missing).append("\n\n");
                    continue;
                }
                parameter.appendTail(bound);
                report.append("== ").append(run.getKey()).append("\n").append(bound.toString().strip()).append("\n");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + bound)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                report.append(plan).append('\n');
                Matcher time = EXECUTION.matcher(plan);
                if (time.find()) {
                    String name = run.getKey().replace("#", "_").replace("-", "_");
                    System.out.printf("%-50s %8s ms%n", "EXPLAIN ANALYZE " + run.getKey(), time.group(1));
                    tsv.add("reads.explain.%s_ms\t%s\tms\tEXPLAIN ANALYZE %s, execution time"
                            .formatted(name, time.group(1), run.getKey()));
                }
            }
        }
        Files.writeString(out, report);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String timestamp(OffsetDateTime at) {
        return "TIMESTAMP WITH TIME ZONE '" + at.withOffsetSameInstant(ZoneOffset.UTC) + "'";
    }
}
