package com.orderhub.order;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.order.OrderMessages.Batch;
import com.orderhub.order.OrderMessages.Queued;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded profile's queue: Camel's in-JVM SEDA queue. It does not survive the JVM, which
 * is why every accepted order is also kept with its status entry and queued again at start-up
 * ({@link PendingOrders}).
 */
@Component
@ConditionalOnProperty(name = "orderhub.queue.kind", havingValue = "seda", matchIfMissing = true)
public class SedaOrderQueue implements OrderQueue {

    private final ProducerTemplate producer;
    private final String uri;
    private final int batchSize;

    public SedaOrderQueue(ProducerTemplate producer, OrderHubProperties properties) {
        this.producer = producer;
        this.uri = properties.queue().publishUri();
        this.batchSize = properties.queue().batchSize();
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("orderhub.queue.publish-uri is required when orderhub.queue.kind is seda");
        }
    }

    @Override
    public void publish(List<Queued> orders) {
        for (Batch batch : OrderMessages.batches(orders, batchSize)) {
            producer.sendBodyAndHeaders(uri, batch.body(), batch.headers());
        }
    }

    /** Batches waiting, not orders: the in-JVM queue does not look inside them. */
    @Override
    public long depth() {
        return producer.getCamelContext().getEndpoint(uri, SedaEndpoint.class).getCurrentQueueSize();
    }

    /** An order that fails its last retry here is marked failed (500); nothing waits aside. */
    @Override
    public long deadLetters() {
        return 0;
    }
}
