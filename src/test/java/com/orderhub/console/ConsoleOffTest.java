package com.orderhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderhub.support.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hub as shipped: no console, so neither Hawtio nor Jolokia is there to be guessed at. */
class ConsoleOffTest extends ApiTestSupport {

    @Test
    void hawtioAndJolokiaAreNotFoundUnlessTheConsoleIsEnabled() {
        for (String path : new String[] {"/actuator/hawtio", "/actuator/hawtio/", "/actuator/hawtio/index.html",
                "/actuator/jolokia", "/actuator/jolokia/version", "/hawtio", "/jolokia"}) {
            assertThat(send("GET", path, Map.of(), null).status()).as(path).isEqualTo(404);
        }
    }
}
