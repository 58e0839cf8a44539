package com.orderhub.config;

import com.orderhub.api.ApiCaller;
import com.orderhub.api.ApiKeys;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line that says where the hub listens and which keys are active, and a warning for the demo key. */
@Component
public class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final ApiKeys keys;
    private final OrderHubProperties properties;
    private final Environment environment;

    public StartupReport(ApiKeys keys, OrderHubProperties properties, Environment environment) {
        this.keys = keys;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener
    public void report(WebServerInitializedEvent event) {
        String profiles = String.join(",", environment.getActiveProfiles());
        String active = keys.callers().isEmpty() ? "none (every API call will answer 401)"
                : keys.callers().stream().map(StartupReport::describe).collect(Collectors.joining(", "));
        LOG.info("OrderHub listening on http://localhost:{}{} (profile {}), data in {}; API keys: {}",
                event.getWebServer().getPort(), properties.api().basePath(),
                profiles.isEmpty() ? "default (embedded)" : profiles, properties.dataDir(), active);
        keys.demoKey().ifPresent(demo -> LOG.warn("The public demo key '{}' is active for tenant '{}': anyone can "
                + "read and write with it. Configure orderhub.security.api-keys and drop it before real use.",
                ApiKeys.DEMO_KEY, demo.tenant()));
    }

    private static String describe(ApiCaller caller) {
        return "tenant " + caller.tenant() + " " + caller.scopes() + " key #" + caller.fingerprint();
    }
}
