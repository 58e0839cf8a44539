package com.orderhub.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link OperatorAuthentication} in front of the console's paths in the context that serves
 * the actuator: the hub's own server, or the management server when
 * {@code management.server.port} gives it a port of its own, where Hawtio then lives too.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ConsoleProperties.ENABLED, havingValue = "true")
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    @Bean
    public FilterRegistrationBean<OperatorAuthentication> operatorAuthentication(ConsoleProperties console,
            WebEndpointProperties endpoints) {
        if (console.passwordSha256() == null || console.passwordSha256().isBlank()) {
            throw new IllegalStateException(ConsoleProperties.ENABLED + " is true but orderhub.console.password-sha256 "
                    + "is not set: give the hex SHA-256 of the operator's password "
                    + "(ORDERHUB_CONSOLE_PASSWORDSHA256, e.g. from: printf %s 'the password' | sha256sum)");
        }
        FilterRegistrationBean<OperatorAuthentication> registration = new OperatorAuthentication(console.user(),
                console.passwordSha256()).on("operatorAuthentication", endpoints, ConsoleSwitch.CONSOLE_ENDPOINTS);
        LOG.info("Operator console on: {} for user '{}' (HTTP Basic)",
                String.join(" and ", registration.getUrlPatterns().stream().filter(path -> !path.endsWith("/*")).toList()),
                console.user());
        return registration;
    }
}
