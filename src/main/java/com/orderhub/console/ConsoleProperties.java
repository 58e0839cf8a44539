package com.orderhub.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator console, {@code orderhub.console.*}: Hawtio at {@code /actuator/hawtio} and Jolokia at
 * {@code /actuator/jolokia}, absent unless {@code enabled}. Then every request to either needs HTTP
 * Basic as {@code user} with the password whose hex SHA-256 is {@code passwordSha256}: the password
 * itself is in no file and no environment variable of the hub. The same operator replays dead
 * letters ({@link OperatorActionsConfiguration}), console or not; empty is the same as not set.
 */
@Validated
@ConfigurationProperties(prefix = "orderhub.console")
public record ConsoleProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("operator") String user,
        @Pattern(regexp = "([0-9a-fA-F]{64})?", message = "must be 64 hex digits (SHA-256)") String passwordSha256) {

    public static final String ENABLED = "orderhub.console.enabled";
}
