package com.orderhub.metrics;

import com.orderhub.order.QueueDepth;
import com.orderhub.status.MessageStatuses.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hub's own meters at /actuator/prometheus (Camel adds its route timings): orders accepted,
 * persisted and failed by code, the queue's depth and dead letters, files taken and rejected,
 * each partner's export runs by outcome and its export lag. Counts are made when the
 * transaction that records them commits, so a rolled-back and retried intake counts once.
 */
@Component
public class HubMetrics {

    private final MeterRegistry registry;

    public HubMetrics(MeterRegistry registry, QueueDepth queue) {
        this.registry = registry;
        Gauge.builder("orderhub.queue.depth", queue, QueueDepth::waiting)
                .description("Queue messages (batches of orders) waiting for the intake").register(registry);
        Gauge.builder("orderhub.queue.dead.letters", queue, QueueDepth::deadLetters)
                .description("Queue messages (batches of orders) set aside after their last retry").register(registry);
    }

    /** Orders accepted for the intake (with a pending status entry), from the API or a file. */
    public void accepted(String origin, int orders) {
        if (orders > 0) {
            afterCommit(() -> Counter.builder("orderhub.orders.accepted").tag("origin", origin)
                    .description("Orders accepted for the intake").register(registry).increment(orders));
        }
    }

    /** Orders that reached a final status: persisted, or failed with their code. */
    public void finished(List<Outcome> outcomes) {
        afterCommit(() -> outcomes.forEach(outcome -> {
            if (outcome.orderId() != null && outcome.code() < 300) {
                registry.counter("orderhub.orders.persisted").increment();
            } else {
                Counter.builder("orderhub.orders.failed").tag("code", String.valueOf(outcome.code()))
                        .description("Orders that ended failed, by status code").register(registry).increment();
            }
        }));
    }

    /** A partner's file, taken whole ({@code queued}) or rejected whole ({@code rejected}). */
    public void file(String partner, String outcome) {
        Counter.builder("orderhub.files.ingested").tag("partner", partner).tag("outcome", outcome)
                .description("Files from ERPs, by partner and outcome").register(registry).increment();
    }

    /**
     * A run of a partner's export, by what started it ({@code schedule} or {@code operator}) and
     * its outcome; scheduled runs found {@code busy} mean the instances do not share one schedule.
     */
    public void exportRun(String partner, String trigger, String outcome) {
        Counter.builder("orderhub.export.runs").tag("partner", partner).tag("trigger", trigger).tag("outcome", outcome)
                .description("Runs of partners' exports, by what started them and outcome").register(registry)
                .increment();
    }

    /** A partner's export lag: seconds since its last successful run (or since the hub started). */
    public void exportLag(String partner, Supplier<Number> seconds) {
        Gauge.builder("orderhub.export.lag.seconds", seconds).tag("partner", partner)
                .description("Seconds since the partner's last successful export").register(registry);
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
