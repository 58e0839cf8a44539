import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates orders through the REST API of a running hub with several concurrent clients and
 * prints orders accepted per second (until the last 201) and orders persisted per second end to
 * end (until the last status entry is final). A benchmark, not a test: it only measures.
 *
 * java bench/CreateOrdersBench.java [--url http://localhost:8080] [--key demo-key]
 *      [--orders 10000] [--lines 5] [--batch 100] [--clients 8] [--out results.tsv]
 *
 * With --out, the figures are also appended to that file as lines of key, value, unit, label
 * (tab-separated) for bench/run.sh's report.
 */
public class CreateOrdersBench {

    private static final Pattern STATUS_URL = Pattern.compile("\"statusUrl\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("url", "http://localhost:8080", "key", "demo-key",
                "orders", "10000", "lines", "5", "batch", "100", "clients", "8"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = options.get("url") + "/api/database/v1";
        String key = options.get("key");
        int orders = Integer.parseInt(options.get("orders"));
        int lines = Integer.parseInt(options.get("lines"));
        int batch = Integer.parseInt(options.get("batch"));
        int clients = Integer.parseInt(options.get("clients"));
        String run = "B" + Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        referenceData(http, base, key, run);
        if (orders == 0) {
            // only the reference data, for a file benchmark: say the run prefix the orders must use
            System.out.println(run);
            return;
        }
        // encoded before the clock starts: the client shares the cores with the hub, and a real one would not
        List<byte[]> bodies = new ArrayList<>();
        for (int first = 0; first < orders; first += batch) {
            StringBuilder body = new StringBuilder("[");
            for (int i = first; i < Math.min(orders, first + batch); i++) {
                body.append(i == first ? "" : ",").append(order(run, i, lines));
            }
            bodies.add(body.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        System.out.printf("Creating %,d orders of %d lines in %d requests of %d by %d clients against %s%n",
                orders, lines, bodies.size(), batch, clients, options.get("url"));

        ConcurrentLinkedQueue<String> statusUrls = new ConcurrentLinkedQueue<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> posts = new ArrayList<>();
        for (byte[] body : bodies) {
            posts.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(base + "/Order/create"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
                latencies.add(System.nanoTime() - t0);
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
                }
                Matcher m = STATUS_URL.matcher(response.body());
                m.find();
                statusUrls.add(m.group(1));
                return null;
            }));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        double acceptedSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        // Orders are persisted roughly in the order they were accepted: each pass reads the status
        // entries in that order and stops at the first message still open, so polling costs the hub
        // a request or two per pass instead of one per message.
        int completed = 0;
        int failed = 0;
        List<String> open = new ArrayList<>(statusUrls);
        while (!open.isEmpty()) {
            String body = send(http, HttpRequest.newBuilder(URI.create(open.get(0) + "?pageSize=1000"))
                    .header("Authorization", "Bearer " + key).GET()).body();
            Matcher m = STATUS.matcher(body);
            int done = 0;
            int bad = 0;
            boolean pending = false;
            while (m.find()) {
                switch (m.group(1)) {
                    case "completed" -> done++;
                    case "failed" -> bad++;
                    default -> pending = true;
                }
            }
            if (pending) {
                Thread.sleep(50);
            } else {
                completed += done;
                failed += bad;
                open.remove(0);
            }
        }
        double persistedSeconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        System.out.printf("%-34s %12s%n", "measure", "value");
        System.out.printf("%-34s %,12.0f%n", "orders accepted per second", orders / acceptedSeconds);
        System.out.printf("%-34s %,12.0f%n", "orders persisted per second", completed / persistedSeconds);
        System.out.printf("%-34s %,12.1f%n", "seconds until the last 201", acceptedSeconds);
        System.out.printf("%-34s %,12.1f%n", "seconds until the last entry final", persistedSeconds);
        System.out.printf("%-34s %,12.1f%n", "create request p50 (ms)", latencies.get(latencies.size() / 2) / 1e6);
        System.out.printf("%-34s %,12.1f%n", "create request p99 (ms)",
                latencies.get((int) (latencies.size() * 0.99)) / 1e6);
        System.out.printf("%-34s %,12d%n", "orders completed", completed);
        System.out.printf("%-34s %,12d%n", "orders failed", failed);
        if (options.containsKey("out")) {
            double p50 = latencies.get(latencies.size() / 2) / 1e6;
            double p99 = latencies.get((int) (latencies.size() * 0.99)) / 1e6;
            String setup = "%,d orders, %d per request, %d clients".formatted(orders, batch, clients);
            Files.write(Path.of(options.get("out")), List.of(
                    "rest.accepted_orders_per_s\t%.0f\torders/s\tE: orders accepted per second (until the last 201)"
                            .formatted(orders / acceptedSeconds),
                    "rest.persisted_orders_per_s\t%.0f\torders/s\tE: orders persisted per second (until the last entry final)"
                            .formatted(completed / persistedSeconds),
                    "rest.seconds_accepted\t%.1f\ts\tE: seconds until the last 201".formatted(acceptedSeconds),
                    "rest.seconds_persisted\t%.1f\ts\tE: seconds until the last entry final (%s)"
                            .formatted(persistedSeconds, setup),
                    "rest.create_p50_ms\t%.1f\tms\tE: create request p50".formatted(p50),
                    "rest.create_p99_ms\t%.1f\tms\tE: create request p99".formatted(p99),
                    "rest.completed\t%d\torders\tE: orders completed".formatted(completed),
                    "rest.failed\t%d\torders\tE: orders failed".formatted(failed)),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (failed > 0 || completed != orders) {
            System.exit(1);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void referenceData(HttpClient http, String base, String key, String run) {
        post(http, base + "/Company/create", key, "[{\"idRemote\":\"" + run + "-CO\",\"companyName\":\"Bench\"}]");
        post(http, base + "/BusinessPartner/create", key, ("[{\"idRemote\":\"%1$s-CL\",\"companyId\":\"%1$s-CO\","
                + "\"contactName\":\"Client\",\"roles\":[\"Client\"],\"locations\":[{\"idRemote\":\"%1$s-LOC\","
                + "\"address\":\"Street 1\",\"shippingAddress\":true,\"billingAddress\":true}]},"
                + "{\"idRemote\":\"%1$s-AG\",\"companyId\":\"%1$s-CO\",\"contactName\":\"Agent\","
                + "\"roles\":[\"Representant\"]}]").formatted(run));
        StringBuilder products = new StringBuilder("[");
        for (int p = 0; p < 5; p++) {
            products.append(p == 0 ? "" : ",").append("{\"idRemote\":\"%s-PR%d\",\"reference\":\"R%d\",\"price\":10.5}"
                    .formatted(run, p, p));
        }
        post(http, base + "/Product/create", key, products.append(']').toString());
        post(http, base + "/DiscountType/create", key, "[{\"idRemote\":\"" + run + "-DT\",\"name\":\"Volume\"}]");
    }

    private static void post(HttpClient http, String url, String key, String body) {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** 1 order + 5 lines + 5 details + 2 discounts: the 13 rows of the benchmark's order. */
    static String order(String run, int n, int lines) {
        StringBuilder order = new StringBuilder();
        order.append(("{\"idRemote\":\"%1$s-%2$d\",\"companyId\":\"%1$s-CO\",\"clientId\":\"%1$s-CL\","
                + "\"agentId\":\"%1$s-AG\",\"statusId\":\"Pending\",\"dateOrder\":\"2026-03-01 09:30:00\","
                + "\"grossAmount\":105,\"baseAmount\":100,\"shippingAmount\":5,\"taxAmount\":21,\"totalAmount\":126,"
                + "\"totalQuantity\":%3$d,\"quantityServed\":0,\"quantityPending\":%3$d,"
                + "\"shippingAddressId\":\"%1$s-LOC\",\"billingAddressId\":\"%1$s-LOC\","
                + "\"discount\":[{\"idRemote\":\"D1\",\"discountTypeId\":\"%1$s-DT\",\"sequence\":1,\"discount\":5,"
                + "\"amountDiscount\":5.25,\"isHeader\":true},{\"idRemote\":\"D2\",\"discountTypeId\":\"%1$s-DT\","
                + "\"sequence\":2,\"discount\":2,\"amountDiscount\":2.1,\"isHeader\":true}],\"lines\":[")
                .formatted(run, n, lines));
        for (int l = 0; l < lines; l++) {
            order.append(l == 0 ? "" : ",").append(("{\"idRemote\":\"L%1$d\",\"lineStatusId\":\"Pending\","
                    + "\"quantity\":1,\"lineAmount\":21,\"lineDetail\":[{\"idRemote\":\"L%1$d-1\","
                    + "\"productId\":\"%2$s-PR%3$d\",\"quantity\":1,\"price\":21}]}").formatted(l, run, l % 5));
        }
        return order.append("]}").toString();
    }
}
