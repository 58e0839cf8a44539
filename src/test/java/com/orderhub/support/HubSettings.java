package com.orderhub.support;

import com.orderhub.config.OrderHubProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The hub's {@code orderhub.*} settings for a test without a Spring context, bound the way the
 * hub binds them: every default, and the keys the test gives. A part of the settings the test
 * builds itself replaces the bound one.
 */
public final class HubSettings {

    private HubSettings() {
    }

    /** The settings from these keys ({@code orderhub.routes-dir}, ...) and the defaults. */
    public static OrderHubProperties of(Map<String, String> keys) {
        return new Binder(new MapConfigurationPropertySource(keys)).bindOrCreate("orderhub", OrderHubProperties.class);
    }

    public static OrderHubProperties with(OrderHubProperties.Security security) {
        OrderHubProperties d = of(Map.of());
        return new OrderHubProperties(d.dataDir(), d.routesDir(), d.mappingsDir(), d.api(), security, d.queue(),
                d.partners(), d.intake(), d.ingest(), d.export(), d.reads());
    }

    public static OrderHubProperties with(Map<String, OrderHubProperties.Partner> partners) {
        OrderHubProperties d = of(Map.of());
        return new OrderHubProperties(d.dataDir(), d.routesDir(), d.mappingsDir(), d.api(), d.security(), d.queue(),
                partners, d.intake(), d.ingest(), d.export(), d.reads());
    }

    public static OrderHubProperties with(OrderHubProperties.Cors cors) {
        OrderHubProperties d = of(Map.of());
        OrderHubProperties.Api api = d.api();
        return new OrderHubProperties(d.dataDir(), d.routesDir(), d.mappingsDir(),
                new OrderHubProperties.Api(api.basePath(), api.maxBodyBytes(), api.maxItems(), api.rateLimit(),
                        api.rateLimitStore(), cors, api.drainOnStop()),
                d.security(), d.queue(), d.partners(), d.intake(), d.ingest(), d.export(), d.reads());
    }
}
