package com.orderhub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderhub.api.ApiJson;
import com.orderhub.support.ApiTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The two sample mappings of mappings/ (docs/files-from-erps.md): an ERP's XML export and its flat CSV export. */
class PartnerMappingTest extends ApiTestSupport {

    @Value("${orderhub.data-dir}")
    private Path dataDir;

    /** Drops the file in the partner's inbox the way an ERP should: written aside, then renamed. */
    private Path drop(String mapping, String name, String content) throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve(mapping).resolve("inbox"));
        Path part = inbox.resolve(name + ".part");
        Files.writeString(part, content);
        return Files.move(part, inbox.resolve(name));
    }

    private static String sample(String mapping, String name) throws IOException {
        return Files.readString(Path.of("mappings", mapping, name));
    }

    private JsonNode awaitResult(String mapping, String name) throws IOException {
        Path result = dataDir.resolve(mapping).resolve("results").resolve(name + ".result.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(result));
        return ApiJson.MAPPER.readTree(result.toFile());
    }

    @Test
    void theXmlExportBecomesOneOrderPerOrderElement() throws IOException {
        fixtures.referenceData(DEMO, "demo");
        drop("erp-xml", "sample-orders.xml", sample("erp-xml", "sample-orders.xml"));
        Path json = drop("erp-xml", "not-for-this-partner.json", "[]");

        JsonNode result = awaitResult("erp-xml", "sample-orders.xml");

        assertThat(result.path("data").findValuesAsText("idRemote")).containsExactly("SO-1001", "SO-1002");
        assertThat(result.path("completed").asInt()).isEqualTo(2);
        JsonNode order = get("/Order/get/SO-1001").json().path("data");
        assertThat(order.path("origin").asText()).isEqualTo("file:sample-orders.xml");
        assertThat(order.path("reference").asText()).isEqualTo("PO-7788");
        assertThat(order.path("observation").asText()).isEqualTo("Deliver mornings & call ahead");
        assertThat(order.path("dateOrder").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(order.path("totalQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(order.path("quantityPending").decimalValue()).isEqualByComparingTo("3");
        assertThat(order.path("discount").findValuesAsText("idRemote")).containsExactly("SO-1001-D1");
        JsonNode lines = order.path("lines");
        assertThat(lines.findValuesAsText("idRemote")).contains("SO-1001-L1", "SO-1001-L2");
        assertThat(lines.get(0).path("lineDetail").findValuesAsText("idRemote"))
                .containsExactly("SO-1001-L1-M", "SO-1001-L1-L");
        assertThat(lines.get(0).path("lineDetail").get(1).path("price").toString()).isEqualTo("19.5");
        assertThat(lines.get(0).path("lineAmount").decimalValue()).isEqualByComparingTo("79.4");
        assertThat(lines.get(0).path("discount").get(0).path("amountDiscount").decimalValue())
                .isEqualByComparingTo("1.99");
        assertThat(json).as("the inbox of an XML partner takes *.xml only").exists();
    }

    @Test
    void theCsvExportGroupsTheRowsOfAnOrderIntoOneOrder() throws IOException {
        fixtures.referenceData(DEMO, "demo");
        drop("erp-csv", "sample-orders.csv", sample("erp-csv", "sample-orders.csv"));

        JsonNode result = awaitResult("erp-csv", "sample-orders.csv");

        assertThat(result.path("data").findValuesAsText("idRemote")).containsExactly("SO-2001", "SO-2002");
        assertThat(result.path("data").findValuesAsText("status")).containsExactly("completed", "completed");
        JsonNode order = get("/Order/get/SO-2001").json().path("data");
        assertThat(order.path("dateOrder").asText()).isEqualTo("2026-03-01T09:30:00Z");
        assertThat(order.path("dateDelivery").asText()).startsWith("2026-04-15");
        assertThat(order.path("lines").findValuesAsText("lineStatus")).containsExactlyInAnyOrder("Pending", "InStock");
        assertThat(order.path("quantityServed").decimalValue()).isEqualByComparingTo("1");
        JsonNode single = get("/Order/get/SO-2002").json().path("data");
        assertThat(single.path("lines")).hasSize(1);
        assertThat(single.path("seasonId").isNull()).isTrue();
    }

    @Test
    void aMalformedXmlFileIsRejectedWithWhereItBroke() throws IOException {
        drop("erp-xml", "broken.xml", sample("erp-xml", "sample-orders.xml").replace("</Status>", "</State>"));

        JsonNode result = awaitResult("erp-xml", "broken.xml");

        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("error").asText()).isEqualTo("Malformed XML at line 11, column 22: The element type "
                + "\"Status\" must be terminated by the matching end-tag \"</Status>\".");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(dataDir.resolve("erp-xml/inbox/.error/broken.xml")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE file_name = 'broken.xml'", Integer.class))
                .isZero();
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void anXmlFileWithADoctypeIsRejectedAndNoEntityIsResolved() throws IOException {
        Path secret = Files.writeString(dataDir.resolve("secret.txt"), "do not read me");
        drop("erp-xml", "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE OrderExport [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<OrderExport company=\"&x;\"/>");

        JsonNode result = awaitResult("erp-xml", "xxe.xml");

        assertThat(result.path("status").asText()).isEqualTo("rejected");
        assertThat(result.path("error").asText()).startsWith("Malformed XML at line 2, column ")
                .contains("DOCTYPE is disallowed");
        assertThat(result.toString()).doesNotContain("do not read me");
    }

    @Test
    void aCsvValueThatIsNotANumberRejectsTheFileNamingLineAndColumn() throws IOException {
        drop("erp-csv", "typo.csv", sample("erp-csv", "sample-orders.csv").replace(";PR-2;2;1;", ";PR-2;two;1;"));

        JsonNode result = awaitResult("erp-csv", "typo.csv");

        assertThat(result.path("error").asText())
                .isEqualTo("mappings/erp-csv/inbound.ds: line 3, column qty: \"two\" is not a number");
        assertThat(fixtures.count("orders")).isZero();
    }

    @Test
    void aCsvWithAnUnterminatedQuoteIsRejected() throws IOException {
        drop("erp-csv", "quote.csv", sample("erp-csv", "sample-orders.csv").replace(";Deliver mornings;", ";\"Deliver;"));

        assertThat(awaitResult("erp-csv", "quote.csv").path("error").asText()).startsWith("Malformed CSV at line ");
    }

    @Test
    void aMappedFileLargerThanTheLimitIsRejectedBeforeItIsRead() throws IOException {
        drop("erp-xml", "huge.xml", "<OrderExport>" + " ".repeat(70_000) + "</OrderExport>");

        assertThat(awaitResult("erp-xml", "huge.xml").path("error").asText()).isEqualTo("The file has 70027 bytes; "
                + "a file in a mapped format is read whole and may have at most 65536 "
                + "(orderhub.ingest.max-mapped-file-bytes)");
    }
}
