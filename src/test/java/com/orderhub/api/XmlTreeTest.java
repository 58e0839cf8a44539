package com.orderhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlTreeTest {

    private static String xml(String json, String root) throws Exception {
        JsonNode node = ApiJson.MAPPER.readTree(json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlTree.write(node, root, null, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void topLevelDataListBecomesItemsAndNestedArraysRepeatWithoutWrapper() throws Exception {
        String xml = xml("""
                {"data": [{"id": "1", "lines": [{"idRemote": "a", "lineDetail": [{"price": 1.50}, {"price": 2}]},
                                               {"idRemote": "b"}], "season": null, "isSale": true}],
                 "pagination": {"totalItems": 1, "nextPageUrl": null}}""", "export");

        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><export><data><item><id>1</id>"
                + "<lines><idRemote>a</idRemote><lineDetail><price>1.50</price></lineDetail>"
                + "<lineDetail><price>2</price></lineDetail></lines><lines><idRemote>b</idRemote></lines>"
                + "<season></season><isSale>true</isSale></item></data>"
                + "<pagination><totalItems>1</totalItems><nextPageUrl></nextPageUrl></pagination></export>");
    }

    @Test
    void keysThatAreNotXmlNamesBecomeEntries() throws Exception {
        String xml = xml("{\"errors\": {\"[0].idRemote\": [\"Parameter idRemote is required\"]}}", "problem");

        assertThat(xml).endsWith("<problem><errors><entry key=\"[0].idRemote\">Parameter idRemote is required</entry>"
                + "</errors></problem>");
    }

    @Test
    void textIsEscaped() throws Exception {
        assertThat(xml("{\"observation\": \"<b>&\\\"x\\\"</b>\"}", "export"))
                .endsWith("<observation>&lt;b&gt;&amp;\"x\"&lt;/b&gt;</observation></export>");
    }
}
