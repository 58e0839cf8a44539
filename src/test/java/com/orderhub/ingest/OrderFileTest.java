package com.orderhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of orders read as the file-ingest route's split pulls it: chunks from an order on. */
class OrderFileTest {

    @TempDir
    Path dir;

    @Test
    void chunksStartAtTheFirstOrderAskedForAndHoldAtMostTheirSize() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.json"),
                "[{\"n\":0},{\"n\":1},{\"n\":2, \"lines\":[{\"x\":[1,2]}]},{\"n\":3},{\"n\":4},{\"n\":5},{\"n\":6}]");
        assertThat(OrderFile.check(file.toFile())).isEqualTo(7);

        List<List<Integer>> read = new ArrayList<>();
        try (OrderFile.Chunks chunks = OrderFile.chunks(file.toFile(), 2, 3)) {
            while (chunks.hasNext()) {
                read.add(chunks.next().stream().map(order -> {
                    assertThat(order.order().path("n").asInt()).isEqualTo(order.index());
                    return order.index();
                }).toList());
            }
            assertThatThrownBy(chunks::next).isInstanceOf(NoSuchElementException.class);
        }

        assertThat(read).containsExactly(List.of(2, 3, 4), List.of(5, 6));
    }

    @Test
    void aFileReadToItsEndOrFromPastItsEndHasNoChunks() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        Path two = Files.writeString(dir.resolve("two.json"), "[{},{}]");

        try (OrderFile.Chunks none = OrderFile.chunks(empty.toFile(), 0, 500);
                OrderFile.Chunks past = OrderFile.chunks(two.toFile(), 2, 500)) {
            assertThat(none.hasNext()).isFalse();
            assertThat(past.hasNext()).isFalse();
        }
    }
}
