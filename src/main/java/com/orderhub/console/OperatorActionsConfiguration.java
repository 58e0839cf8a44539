package com.orderhub.console;

import java.util.List;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

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
        return OperatorAuthentication.forWrites("Replaying dead letters", operator.user(), operator.passwordSha256())
                .on("deadLetterReplayAuthentication", endpoints, List.of(DEAD_LETTERS));
    }
}
