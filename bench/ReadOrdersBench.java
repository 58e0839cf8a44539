import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read latency of a running hub on a large order book (issue 8, point 4): a fixed number of
 * clients each sending requests back to back; p50/p99/max per kind of read. The book is whatever
 * the key's tenant holds (bench/load-orders.sql loads a million orders in seconds).
 *
 * java bench/ReadOrdersBench.java [--url http://localhost:8080] [--key demo-key] [--clients 4]
 *      [--requests 200] [--walk 100] [--json results.json]
 *
 * Kinds: getOrder page 1, page 1,000 and page 50,000 (pageSize 10; the deep pages are capped at
 * the book's last page), updatedFrom followed by cursor for --walk pages per client from the
 * start, the middle and the end of the feed (every page timed, the first one included), and
 * get/{idRemote} of orders met on the way, picked at random.
 */
public class ReadOrdersBench {

    private static final Pattern TOTAL_PAGES = Pattern.compile("\"totalPages\":(\\d+)");
    private static final Pattern TOTAL_ITEMS = Pattern.compile("\"totalItems\":(\\d+)");
    private static final Pattern NEXT = Pattern.compile("\"nextPageUrl\":\"([^\"]+)\"");
    private static final Pattern ID_REMOTE = Pattern.compile("\"idRemote\":\"([^\"]+)\",\"reference\"");
    private static final Pattern UPDATED_AT = Pattern.compile("\"updatedAt\":\"([^\"]+)\"");

    private static HttpClient http;
    private static String base;
    private static String key;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("url", "http://localhost:8080", "key", "demo-key",
                "clients", "4", "requests", "200", "walk", "100", "json", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        base = options.get("url") + "/api/database/v1";
        key = options.get("key");
        int clients = Integer.parseInt(options.get("clients"));
        int requests = Integer.parseInt(options.get("requests"));
        int walk = Integer.parseInt(options.get("walk"));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String first = get(base + "/Order/getOrder?pageSize=10");
        int pages = Integer.parseInt(group(TOTAL_PAGES, first));
        System.out.printf("%s orders (%d pages of 10), %d clients%n", group(TOTAL_ITEMS, first), pages, clients);
        String middle = at(Math.max(1, pages / 2));
        String end = at(Math.max(1, pages - walk + 1));
        List<String> idRemotes = Collections.synchronizedList(new ArrayList<>());

        Map<String, List<Long>> results = new LinkedHashMap<>();
        results.put("getOrder page 1", run(clients, requests, c -> time(base + "/Order/getOrder?pageSize=10")));
        results.put("getOrder page 1000",
                run(clients, requests, c -> time(base + "/Order/getOrder?pageSize=10&page=" + Math.min(1000, pages))));
        results.put("getOrder page 50000", run(clients, Math.max(10, requests / 4),
                c -> time(base + "/Order/getOrder?pageSize=10&page=" + Math.min(50000, pages))));
        results.put("updatedFrom walk, start", walk(clients, walk, null, idRemotes));
        results.put("updatedFrom walk, middle", walk(clients, walk, middle, idRemotes));
        results.put("updatedFrom walk, end", walk(clients, walk, end, idRemotes));
        results.put("get/{idRemote}", run(clients, requests, c -> time(base + "/Order/get/"
                + URLEncoder.encode(idRemotes.get(ThreadLocalRandom.current().nextInt(idRemotes.size())),
                        StandardCharsets.UTF_8))));

        StringBuilder json = new StringBuilder("{\"clients\":" + clients + ",\"reads\":[");
        System.out.printf("%-26s %8s %9s %9s %9s%n", "read", "requests", "p50 ms", "p99 ms", "max ms");
        String sep = "";
        for (Map.Entry<String, List<Long>> result : results.entrySet()) {
            List<Long> nanos = new ArrayList<>(result.getValue());
            Collections.sort(nanos);
            double p50 = ms(nanos, 0.50);
            double p99 = ms(nanos, 0.99);
            double max = nanos.get(nanos.size() - 1) / 1e6;
            System.out.printf("%-26s %8d %9.1f %9.1f %9.1f%n", result.getKey(), nanos.size(), p50, p99, max);
            json.append(sep).append(String.format(java.util.Locale.ROOT,
                    "{\"read\":\"%s\",\"requests\":%d,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f}",
                    result.getKey(), nanos.size(), p50, p99, max));
            sep = ",";
        }
        if (!options.get("json").isEmpty()) {
            Files.writeString(Path.of(options.get("json")), json.append("]}\n"));
        }
    }

    /** The updatedAt of the first order of a getOrder page: where a walk of the feed starts. */
    private static String at(int page) throws Exception {
        return group(UPDATED_AT, get(base + "/Order/getOrder?pageSize=10&page=" + page));
    }

    private interface Client {
        List<Long> requests(int client) throws Exception;
    }

    /** Each client walks updatedFrom by nextPageUrl for this many pages, timing every page. */
    private static List<Long> walk(int clients, int pages, String date, List<String> idRemotes) throws Exception {
        return run(clients, 1, c -> {
            List<Long> times = new ArrayList<>();
            String url = base + "/Order/updatedFrom?pageSize=10"
                    + (date == null ? "" : "&date=" + URLEncoder.encode(date, StandardCharsets.UTF_8));
            for (int p = 0; p < pages && url != null; p++) {
                long t0 = System.nanoTime();
                String body = get(url);
                times.add(System.nanoTime() - t0);
                Matcher ids = ID_REMOTE.matcher(body);
                while (ids.find()) {
                    idRemotes.add(ids.group(1));
                }
                Matcher next = NEXT.matcher(body);
                url = next.find() ? next.group(1) : null;
            }
            return times;
        });
    }

    private static List<Long> run(int clients, int requests, Client client) throws Exception {
        for (int i = 0; i < Math.min(requests, 5); i++) {
            client.requests(-1); // warm-up, not measured
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    times.addAll(client.requests(id));
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }

    private static List<Long> time(String url) throws Exception {
        long t0 = System.nanoTime();
        get(url);
        return List.of(System.nanoTime() - t0);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + pattern + " in " + body.substring(0, Math.min(300, body.length())));
        }
        return m.group(1);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
