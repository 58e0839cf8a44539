package com.orderhub.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code orderhub.console.enabled=true} adds the hawtio and jolokia endpoints to the ones the
 * profiles expose. A list property is replaced whole by a later profile, so each profile would
 * otherwise have to repeat them; and left out, Hawtio and Jolokia are not there at all (404).
 */
public class ConsoleSwitch implements EnvironmentPostProcessor {

    static final String EXPOSURE = "management.endpoints.web.exposure.include";
    static final List<String> CONSOLE_ENDPOINTS = List.of("hawtio", "jolokia");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        if (!binder.bind(ConsoleProperties.ENABLED, Boolean.class).orElse(false)) {
            return;
        }
        LinkedHashSet<String> exposed = new LinkedHashSet<>(
                binder.bind(EXPOSURE, Bindable.listOf(String.class)).orElse(List.of()));
        exposed.addAll(CONSOLE_ENDPOINTS);
        environment.getPropertySources().addFirst(new MapPropertySource("orderhubConsole",
                Map.of(EXPOSURE, String.join(",", new ArrayList<>(exposed)))));
    }
}
