package com.orderhub.order;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.order.OrderMessages.Batch;
import com.orderhub.order.OrderMessages.Queued;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production's queue: persistent messages on the durable orders exchange, each a batch of orders
 * of one message. A request's batches are published on one channel and their confirms awaited
 * together, so the 201 goes out only once RabbitMQ holds every order, without paying a round
 * trip per batch.
 */
@Component
@ConditionalOnProperty(name = "orderhub.queue.kind", havingValue = "rabbitmq")
public class RabbitOrderQueue implements OrderQueue {

    private final RabbitTemplate rabbit;
    private final RabbitAdmin admin;
    private final OrderHubProperties.Queue queue;

    public RabbitOrderQueue(RabbitTemplate rabbit, RabbitAdmin admin, OrderHubProperties properties) {
        this.rabbit = rabbit;
        this.admin = admin;
        this.queue = properties.queue();
    }

    @Override
    public long depth() {
        return messages(queue.name());
    }

    @Override
    public long deadLetters() {
        return messages(queue.deadLetterName());
    }

    private long messages(String name) {
        QueueInformation info = admin.getQueueInfo(name);
        return info == null ? 0 : info.getMessageCount();
    }

    @Override
    public void publish(List<Queued> orders) {
        rabbit.invoke(channel -> {
            for (Batch batch : OrderMessages.batches(orders, queue.batchSize())) {
                MessageProperties properties = new MessageProperties();
                properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                properties.setContentType(OrderMessages.CONTENT_TYPE);
                properties.setContentEncoding("UTF-8");
                batch.headers().forEach(properties::setHeader);
                channel.send(queue.name(), queue.name(), new Message(batch.body().getBytes(StandardCharsets.UTF_8),
                        properties));
            }
            channel.waitForConfirmsOrDie(queue.confirmTimeoutMs());
            return null;
        });
    }
}
