package com.orderhub.api;

import com.orderhub.config.OrderHubProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a SIGTERM does: readiness goes DOWN while the API goes on answering for
 * {@code orderhub.api.drain-on-stop}, so a load balancer that follows readiness stops sending
 * calls here before the port closes. Without it, a call that reached the port as it closed would
 * find its connection reset, which a client cannot tell from a lost answer. Then the web
 * server's graceful stop answers the calls in flight, and the routes stop after it.
 */
@Component
public class ShutdownDrain implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationEventPublisher events;
    private final Duration drain;
    private volatile boolean running;

    public ShutdownDrain(ApplicationEventPublisher events, OrderHubProperties properties) {
        this.events = events;
        this.drain = properties.api().drainOnStop();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (drain.isZero()) {
            return;
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        LOG.info("Stopping: readiness is DOWN; the API answers for {} ms more while load balancers move away",
                drain.toMillis());
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before everything else: the web server's graceful stop and the routes come after. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
