package com.orderhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a JSON document as the XML of the API reference (README, Endpoints): the same field names, a top-level
 * {@code data} list as {@code <data><item>…</item></data>}, any other array as repeated
 * elements without a wrapper, null as an empty element. A key that is not an XML name (an
 * {@code errors} path such as {@code [0].idRemote}) becomes {@code <entry key="…">}.
 */
public final class XmlTree {

    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlTree() {
    }

    public static void write(JsonNode document, String root, String namespace, OutputStream out) {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            if (namespace != null) {
                xml.writeDefaultNamespace(namespace);
            }
            writeFields(xml, document, true);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
    }

    private static void writeFields(XMLStreamWriter xml, JsonNode object, boolean top) throws XMLStreamException {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray() && top && field.getKey().equals("data")) {
                xml.writeStartElement("data");
                for (JsonNode item : value) {
                    writeElement(xml, "item", item);
                }
                xml.writeEndElement();
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    writeElement(xml, field.getKey(), item);
                }
            } else {
                writeElement(xml, field.getKey(), value);
            }
        }
    }

    private static void writeElement(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
        if (XML_NAME.matcher(name).matches()) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement("entry");
            xml.writeAttribute("key", name);
        }
        if (value.isObject()) {
            writeFields(xml, value, false);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                writeElement(xml, "item", item);
            }
        } else if (!value.isNull()) {
            xml.writeCharacters(value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
        }
        xml.writeEndElement();
    }
}
