package com.orderhub.console;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The operator's check in front of {@code POST /actuator/deadletters} (replaying dead letters
 * writes orders back onto the queue), wherever the actuator is served, whether or not the console
 * is on. Its {@code GET}, a count like the metrics', stays open.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderhub.queue.kind", havingValue = "rabbitmq")
@EnableConfigurationProperties(ConsoleProperties.class)
public class OperatorActionsConfiguration {

    static final String DEAD_LETTERS = "deadletters";

    @Bean
    public FilterRegistrationBean<OperatorAuthentication> deadLetterReplayAuthentication(ConsoleProperties operator,
            WebEndpointProperties endpoints) {
        FilterRegistrationBean<OperatorAuthentication> registration = new FilterRegistrationBean<>(
                OperatorAuthentication.forWrites("Replaying dead letters", operator.user(), operator.passwordSha256()));
        String path = endpoints.getBasePath() + "/" + endpoints.getPathMapping().getOrDefault(DEAD_LETTERS, DEAD_LETTERS);
        registration.addUrlPatterns(path, path + "/*");
        // a name of its own: a second registration under the console filter's name would be dropped
        registration.setName("deadLetterReplayAuthentication");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
