package com.orderhub.config;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.amqp.RabbitTemplateCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The RabbitMQ topology the hub owns: a durable direct exchange and queue for orders, and a
 * dead-letter exchange and queue that a rejected order moves to; both queues quorum queues or
 * classic ones ({@code orderhub.queue.type}). Declared at start-up, which is
 * also where an unreachable broker stops the hub with a message saying so.
 */
@Configuration
@ConditionalOnProperty(name = "orderhub.queue.kind", havingValue = "rabbitmq")
public class RabbitTopology {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitTopology.class);

    @Bean
    public Declarables orderQueues(OrderHubProperties properties) {
        OrderHubProperties.Queue queue = properties.queue();
        DirectExchange orders = new DirectExchange(queue.name(), true, false);
        DirectExchange dead = new DirectExchange(queue.deadLetterName(), true, false);
        Map<String, Object> orderArguments = new HashMap<>(Map.of(
                "x-dead-letter-exchange", queue.deadLetterName(),
                "x-dead-letter-routing-key", queue.deadLetterName()));
        Map<String, Object> deadArguments = new HashMap<>();
        if (queue.type() == OrderHubProperties.Queue.Type.quorum) {
            // a classic queue is declared without the argument, as hubs before the setting did, so
            // their queues are the same queues
            orderArguments.put("x-queue-type", "quorum");
            deadArguments.put("x-queue-type", "quorum");
        }
        Queue orderQueue = new Queue(queue.name(), true, false, false, orderArguments);
        Queue deadQueue = new Queue(queue.deadLetterName(), true, false, false, deadArguments);
        Binding ordersBinding = BindingBuilder.bind(orderQueue).to(orders).with(queue.name());
        Binding deadBinding = BindingBuilder.bind(deadQueue).to(dead).with(queue.deadLetterName());
        return new Declarables(orders, dead, orderQueue, deadQueue, ordersBinding, deadBinding);
    }

    /**
     * Orders are published on a connection of their own, apart from the intake's consumers: the
     * broker's flow control blocks a publishing connection, which must not stop the consumers
     * that would relieve it; and a publisher that reconnects the moment the broker comes back
     * does not bring the consumers onto a connection made while the broker was still starting
     * (after one such restart in DependencyOutageIT the intake's consumers, restarted on the
     * publisher's connection, got no deliveries).
     */
    @Bean
    public RabbitTemplateCustomizer publishOnAConnectionOfTheirOwn() {
        return template -> template.setUsePublisherConnection(true);
    }

    @Bean
    public PublisherReconnect publisherReconnect(ConnectionFactory connectionFactory, OrderHubProperties properties) {
        PublisherReconnect reconnect = new PublisherReconnect(properties.queue().settleAfterReconnect());
        // the publisher connection alone: the intake's consumers reconnect on their own schedule
        ConnectionFactory publishing = connectionFactory.getPublisherConnectionFactory();
        (publishing == null ? connectionFactory : publishing).addConnectionListener(reconnect);
        return reconnect;
    }

    @Bean
    public RabbitAdmin rabbitAdmin(ConnectionFactory connectionFactory) {
        return new RabbitAdmin(connectionFactory);
    }

    /**
     * Declares the topology before the routes start, so a broker that cannot be reached fails the
     * start with a message saying so, not the first order.
     */
    @Bean
    public SmartInitializingSingleton declareOrderQueues(RabbitAdmin admin, ConnectionFactory connectionFactory,
            OrderHubProperties properties) {
        return () -> {
            String broker = "RabbitMQ at " + connectionFactory.getHost() + ":" + connectionFactory.getPort();
            try {
                connectionFactory.createConnection().close();
            } catch (AmqpException e) {
                throw new IllegalStateException(broker + " is unreachable (" + e.getMessage()
                        + "); check spring.rabbitmq.host, port, username and password", e);
            }
            OrderHubProperties.Queue queue = properties.queue();
            try {
                admin.initialize();
            } catch (AmqpException e) {
                // the usual cause: the queue exists as the other type, which RabbitMQ cannot change
                throw new IllegalStateException(broker + " refused the " + queue.type() + " queues " + queue.name()
                        + " and " + queue.deadLetterName() + " (" + rootMessage(e) + "). A queue's type cannot"
                        + " be changed: let the queue drain, delete both and start again, or set"
                        + " orderhub.queue.type to the type they have, or orderhub.queue.name to new queues", e);
            }
            LOG.info("{}: orders on exchange and {} queue {}, dead letters on {}", broker, queue.type(), queue.name(),
                    queue.deadLetterName());
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
