package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.ApiKey;
import com.orderhub.config.OrderHubProperties.Scope;
import com.orderhub.support.HubSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static ApiKeys keys(ApiKey... keys) {
        return new ApiKeys(HubSettings.with(new OrderHubProperties.Security(List.of(keys))));
    }

    @Test
    void plainAndHashedKeysFindTheirTenant() {
        String hash = Digests.sha256Hex("s3cret");
        ApiKeys keys = keys(new ApiKey("k1", null, "t1", Set.of(Scope.read), null),
                new ApiKey(null, hash.toUpperCase(), "t2", Set.of(Scope.read, Scope.write), null));

        assertThat(keys.authenticate("k1")).get().extracting(ApiCaller::tenant).isEqualTo("t1");
        assertThat(keys.authenticate("k1").get().mayWrite()).isFalse();
        assertThat(keys.authenticate("s3cret")).get().extracting(ApiCaller::tenant).isEqualTo("t2");
        assertThat(keys.authenticate("s3cret").get().mayWrite()).isTrue();
        assertThat(keys.authenticate("k2")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void aKeyWithBothOrNeitherFormIsRefusedAtStartUp() {
        assertThatThrownBy(() -> keys(new ApiKey(null, null, "t", Set.of(Scope.read), null)))
                .hasMessage("orderhub.security.api-keys[0] needs exactly one of 'key' (plain) or "
                        + "'key-sha256' (hex SHA-256 of the key)");
        assertThatThrownBy(() -> keys(new ApiKey("k", "ab".repeat(32), "t", Set.of(Scope.read), null)))
                .hasMessageStartingWith("orderhub.security.api-keys[0] needs exactly one of");
    }

    @Test
    void theFingerprintIsNotTheKey() {
        ApiCaller caller = keys(new ApiKey("demo-key", null, "demo", Set.of(Scope.read), null)).callers().get(0);

        assertThat(caller.fingerprint()).hasSize(8).doesNotContain("demo");
    }
}
