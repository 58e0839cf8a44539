package com.orderhub.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients creating orders while a test does something to the hubs: each sender sends requests
 * of new orders, each until accepted with its Idempotency-Key, to any of the hubs' ports; a
 * refused connection (that instance is down) goes to the next one, as a load balancer does, and
 * so does a request answered 429, 500 or 503. {@link #behindBalancer} sends only to the hubs
 * whose readiness said UP at the last look (every 100 ms), as a load balancer does. They count
 * what they were answered, by status and by answer, the calls whose connection ended without an
 * answer, and the orders accepted.
 */
public final class OrderSenders implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSenders.class);

    static {
        // the JDK sends a POST again by itself when a kept connection fails: each call is counted here
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private final int[] ports;
    private final String apiKey;
    private final int ordersPerRequest;
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();

    /** Ports whose readiness was UP at the last look; all of them when not behind a balancer. */
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();

    public OrderSenders(int senders, int ordersPerRequest, String apiKey, int... ports) {
        this(false, senders, ordersPerRequest, apiKey, ports);
    }

    public static OrderSenders behindBalancer(int senders, int ordersPerRequest, String apiKey, int... ports) {
        return new OrderSenders(true, senders, ordersPerRequest, apiKey, ports);
    }

    private OrderSenders(boolean balanced, int senders, int ordersPerRequest, String apiKey, int... ports) {
        this.ports = ports;
        for (int port : ports) {
            ready.add(port);
        }
        if (balanced) {
            Thread balancer = new Thread(this::followReadiness, "balancer");
            balancer.setDaemon(true);
            balancer.start();
        }
        this.apiKey = apiKey;
        this.ordersPerRequest = ordersPerRequest;
        this.pool = Executors.newFixedThreadPool(senders);
        for (int s = 0; s < senders; s++) {
            int sender = s;
            running.add(pool.submit(() -> send(sender)));
        }
    }

    /** Calls answered so far (every attempt, whatever its answer). */
    public long requests() {
        return requests.get();
    }

    /** Stops sending once each sender's request in hand is accepted, and waits for that. */
    public void finish() throws Exception {
        sending.set(false);
        for (Future<?> sender : running) {
            sender.get();
        }
        LOG.info("Senders: {} calls, answers {}, {} dropped, {} orders accepted", requests.get(), answers(),
                dropped.get(), accepted.size());
    }

    /** Answers by status and, for refusals, the problem's message: "503 The order queue is ...". */
    public Map<String, Integer> answers() {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((answer, count) -> counts.put(answer, count.get()));
        return counts;
    }

    public int dropped() {
        return dropped.get();
    }

    /** The client references of every order accepted with a 201. */
    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    @Override
    public void close() {
        sending.set(false);
        pool.shutdownNow();
    }

    private void followReadiness() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(1)).build();
        while (sending.get()) {
            for (int port : ports) {
                int status;
                try {
                    status = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/health/readiness")).timeout(java.time.Duration.ofSeconds(1)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException | InterruptedException down) {
                    status = -1;
                }
                if (status == 200) {
                    ready.add(port);
                } else {
                    ready.remove(port);
                }
            }
            try {
                Thread.sleep(100); // the balancer's probe interval
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The next port to send to after {@code from}: a ready one if any is. */
    private int next(int from) {
        for (int i = 1; i <= ports.length; i++) {
            int candidate = (from + i) % ports.length;
            if (ready.contains(ports[candidate])) {
                return candidate;
            }
        }
        return (from + 1) % ports.length;
    }

    private Void send(int sender) throws Exception {
        for (int r = 0; sending.get(); r++) {
            String prefix = "LOAD-" + sender + "-" + r;
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < ordersPerRequest; i++) {
                body.append(i == 0 ? "" : ",").append(Fixtures.orderJson(prefix + "-" + i));
            }
            String json = body.append(']').toString();
            int target = next(sender + r);
            while (true) {
                String answer;
                try {
                    answer = post(ports[target], json, prefix);
                } catch (ConnectException refused) {
                    target = next(target);
                    continue;
                }
                requests.incrementAndGet();
                if (answer == null) {
                    dropped.incrementAndGet();
                    continue;
                }
                answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
                if (answer.startsWith("201")) {
                    for (int i = 0; i < ordersPerRequest; i++) {
                        accepted.add(prefix + "-" + i);
                    }
                    break;
                }
                if (!answer.startsWith("429") && !answer.startsWith("500") && !answer.startsWith("503")) {
                    return null; // the test sees it in answers()
                }
                target = next(target);
            }
        }
        return null;
    }

    /**
     * The answer: its status, and for an error the problem's message and whether it said when
     * to retry ("503 Retry-After 2: ..."); null when the connection ended without one.
     */
    private String post(int port, String json, String idempotencyKey) throws IOException {
        HttpURLConnection call = (HttpURLConnection) URI.create("http://localhost:" + port
                + "/api/database/v1/Order/create").toURL().openConnection();
        // a connection of its own per call: a kept-alive one closed by a stopping server would be
        // this client's reuse failing, not the hub dropping a call
        call.setRequestProperty("Connection", "close");
        call.setRequestMethod("POST");
        call.setDoOutput(true);
        call.setRequestProperty("Content-Type", "application/json");
        call.setRequestProperty("X-API-Key", apiKey);
        call.setRequestProperty("Idempotency-Key", idempotencyKey);
        call.setConnectTimeout(5000);
        call.setReadTimeout(60000);
        call.connect();
        try {
            try (OutputStream out = call.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
            int status = call.getResponseCode();
            if (status < 400) {
                call.getInputStream().readAllBytes();
                return String.valueOf(status);
            }
            String problem = new String(call.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String retryAfter = call.getHeaderField("Retry-After");
            return status + (retryAfter == null ? "" : " Retry-After " + retryAfter) + ": "
                    + com.orderhub.api.ApiJson.MAPPER.readTree(problem).path("error").asText();
        } catch (ConnectException refused) {
            throw refused;
        } catch (IOException lost) {
            LOG.warn("Call to port {} got no answer: {}", port, lost.toString());
            return null;
        } finally {
            call.disconnect();
        }
    }
}
