package com.orderhub.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

/**
 * Holds orders back for a moment when the hub's publishing connection to RabbitMQ is made again,
 * which is when the broker has just restarted (or a cluster moved the client to another node).
 * RabbitMQ 3.10 was seen, about one restart in five to ten (DependencyOutageIT), to confirm
 * publishes made in the half second before a quorum queue had elected its leader and then not to
 * hold them; its log says "leader call - leader not known. Command will be forwarded once leader
 * is known" for each. The first connection of a hub is not held: its queues were declared at
 * start-up, long before.
 *
 * <p>Spring AMQP calls {@link #onCreate} while it holds the connection factory's lock, so every
 * publisher that needs the new connection waits here with the first one, and none publishes
 * before the time is up. The caller of {@code POST /Order/create} waits that long for its 201.
 */
public class PublisherReconnect implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherReconnect.class);

    private final Duration settle;
    private final AtomicBoolean first = new AtomicBoolean(true);

    public PublisherReconnect(Duration settle) {
        this.settle = settle;
    }

    @Override
    public void onCreate(Connection connection) {
        if (first.getAndSet(false) || settle.isZero()) {
            return;
        }
        LOG.warn("Connected to RabbitMQ again for publishing: orders wait {} ms before they are published, while"
                + " the broker's quorum queues elect their leaders (orderhub.queue.settle-after-reconnect)",
                settle.toMillis());
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
