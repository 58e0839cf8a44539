package com.orderhub.order;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.order.OrderMessages.Queued;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production's queue: persistent messages on the durable orders exchange. A request's orders are
 * published on one channel and their confirms awaited together, so the 201 goes out only once
 * RabbitMQ holds every order, without paying a round trip per order.
 */
@Component
@ConditionalOnProperty(name = "orderhub.queue.kind", havingValue = "rabbitmq")
public class RabbitOrderQueue implements OrderQueue {

    private final RabbitTemplate rabbit;
    private final OrderHubProperties.Queue queue;

    public RabbitOrderQueue(RabbitTemplate rabbit, OrderHubProperties properties) {
        this.rabbit = rabbit;
        this.queue = properties.queue();
    }

    @Override
    public void publish(List<Queued> orders) {
        rabbit.invoke(channel -> {
            for (Queued order : orders) {
                MessageProperties properties = new MessageProperties();
                properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
                properties.setContentEncoding("UTF-8");
                OrderMessages.headers(order).forEach(properties::setHeader);
                channel.send(queue.name(), queue.name(), new Message(order.payload().getBytes(StandardCharsets.UTF_8),
                        properties));
            }
            channel.waitForConfirmsOrDie(queue.confirmTimeoutMs());
            return null;
        });
    }
}
