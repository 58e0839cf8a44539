package com.orderhub.support;

import com.orderhub.config.OrderHubProperties;
import jakarta.annotation.PreDestroy;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Profile;

/** Deletes the test run's exchanges and queues from the shared RabbitMQ when the context closes. */
@TestConfiguration
@Profile("rabbitmq")
public class RabbitTestQueues {

    private final RabbitAdmin admin;
    private final OrderHubProperties.Queue queue;

    public RabbitTestQueues(RabbitAdmin admin, OrderHubProperties properties) {
        this.admin = admin;
        this.queue = properties.queue();
    }

    /**
     * Deletes what a hub outside this JVM declared under {@code name} (its queue and exchange,
     * and their dead-letter pair) from the local broker; rabbitmqctl deletes queues only.
     */
    public static void deleteTopology(String name) throws Exception {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (com.rabbitmq.client.Connection connection = factory.newConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            for (String each : new String[] {name, name + ".dead"}) {
                channel.queueDelete(each);
                channel.exchangeDelete(each);
            }
        }
    }

    @PreDestroy
    void deleteQueues() {
        admin.deleteQueue(queue.name());
        admin.deleteQueue(queue.deadLetterName());
        admin.deleteExchange(queue.name());
        admin.deleteExchange(queue.deadLetterName());
    }
}
