package com.orderhub.order;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.order.OrderMessages.Batch;
import com.orderhub.order.OrderMessages.Queued;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * The queue-orders route's two steps of judgement: which orders travel together, and what a
 * queue message of them looks like (see {@link OrderMessages}).
 */
@Component("queueMessages")
public class QueueMessages {

    /** Read by the spring-rabbitmq producer; the in-JVM queue passes them by. */
    static final String CONTENT_TYPE = "CamelSpringRabbitmqContentType";
    static final String CONTENT_ENCODING = "CamelSpringRabbitmqContentEncoding";

    private final int batchSize;

    public QueueMessages(OrderHubProperties properties) {
        this.batchSize = properties.queue().batchSize();
    }

    /** The orders in batches of at most orderhub.queue.batch-size, each of one message. */
    public List<Batch> batches(@Body List<Queued> orders) {
        return OrderMessages.batches(orders, batchSize);
    }

    /** The batch as a queue message: its orders one per line, its headers saying whose they are. */
    public String message(@Body Batch batch, @Headers Map<String, Object> headers) {
        headers.putAll(batch.headers());
        headers.put(CONTENT_TYPE, OrderMessages.CONTENT_TYPE);
        headers.put(CONTENT_ENCODING, "UTF-8");
        return batch.body();
    }
}
