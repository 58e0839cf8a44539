import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Deletes what a hub declares in RabbitMQ for its queue name: the queue and the exchange of that
 * name and of its dead letters, so a benchmark run leaves the broker as it found it.
 * (rabbitmqctl deletes queues but not exchanges.)
 *
 * java -cp <amqp-client, slf4j-api> bench/RabbitCleanup.java <queue name> [host] [port]
 */
public class RabbitCleanup {

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(args.length > 1 ? args[1] : "127.0.0.1");
        factory.setPort(args.length > 2 ? Integer.parseInt(args[2]) : 5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (String name : new String[] {args[0], args[0] + ".dead"}) {
                // deleting what does not exist is not an error in AMQP 0-9-1 (RabbitMQ 3.x)
                channel.queueDelete(name);
                channel.exchangeDelete(name);
            }
        }
    }
}
