package com.orderhub.order;

import com.orderhub.order.OrderMessages.Queued;
import java.util.List;

/** Where accepted orders wait for the intake. */
public interface OrderQueue {

    /**
     * Puts the orders on the queue and returns once the queue holds them durably (for RabbitMQ:
     * every publish confirmed). Throws if it cannot; some of the orders may then be queued.
     */
    void publish(List<Queued> orders);

    /** Queue messages (batches of orders) waiting for the intake now (a gauge; may ask the broker). */
    long depth();

    /** Batches set aside after their last retry, waiting for a replay (none in the embedded queue). */
    long deadLetters();
}
