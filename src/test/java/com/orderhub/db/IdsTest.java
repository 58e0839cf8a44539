package com.orderhub.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7UuidsThatSortInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.next());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        UUID uuid = UUID.fromString(ids.get(0));
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        long millis = uuid.getMostSignificantBits() >>> 16;
        assertThat(millis).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }
}
