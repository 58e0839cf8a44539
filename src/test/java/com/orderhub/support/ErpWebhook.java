package com.orderhub.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ERP's webhook receiver, inside the test JVM (the JDK's HTTP server): it keeps every POST
 * it gets and answers each with the next status a test queued, 200 when none is. Its port is
 * the system property {@code orderhub.test.webhook-port}.
 */
public final class ErpWebhook {

    /** One POST as it arrived. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, int answered) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Queued as an answer: the receiver answers 200, but only after 3 s (past the test's timeout). */
    public static final int TOO_LATE = -1;

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final ConcurrentLinkedQueue<Integer> ANSWERS = new ConcurrentLinkedQueue<>();
    private static HttpServer server;

    private ErpWebhook() {
    }

    static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test webhook receiver", e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer queued = ANSWERS.poll();
            int status = queued == null || queued == TOO_LATE ? 200 : queued;
            if (queued != null && queued == TOO_LATE) {
                try {
                    Thread.sleep(3000); // an ERP too slow to answer: the hub has given up by now
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            RECEIVED.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        System.setProperty("orderhub.test.webhook-port", String.valueOf(server.getAddress().getPort()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    /** The next POSTs are answered with these statuses, in order. */
    public static void answer(Integer... statuses) {
        ANSWERS.addAll(List.of(statuses));
    }

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    public static void reset() {
        RECEIVED.clear();
        ANSWERS.clear();
    }
}
