package com.orderhub.order;

import com.orderhub.config.OrderHubProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaEndpoint;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How much waits on the queue, for the gauges and for the stuck-order check: the in-JVM queue's
 * size, or what RabbitMQ says of the orders queue and its dead-letter queue.
 */
@Component
public class QueueDepth {

    private final OrderHubProperties.Queue queue;
    private final CamelContext camel;
    private final ObjectProvider<RabbitAdmin> rabbit;

    public QueueDepth(OrderHubProperties properties, CamelContext camel, ObjectProvider<RabbitAdmin> rabbit) {
        this.queue = properties.queue();
        this.camel = camel;
        this.rabbit = rabbit;
        if (queue.publishUri() == null || queue.publishUri().isBlank()) {
            throw new IllegalStateException("orderhub.queue.publish-uri is required: where accepted orders are put");
        }
    }

    /** Queue messages (batches of orders) waiting for the intake now; may ask the broker. */
    public long waiting() {
        return queue.kind() == OrderHubProperties.Queue.Kind.rabbitmq ? messages(queue.name())
                : camel.getEndpoint(queue.publishUri(), SedaEndpoint.class).getCurrentQueueSize();
    }

    /** Batches set aside after their last retry, waiting for a replay (none in the in-JVM queue). */
    public long deadLetters() {
        return queue.kind() == OrderHubProperties.Queue.Kind.rabbitmq ? messages(queue.deadLetterName()) : 0;
    }

    private long messages(String name) {
        QueueInformation info = rabbit.getObject().getQueueInfo(name);
        return info == null ? 0 : info.getMessageCount();
    }
}
