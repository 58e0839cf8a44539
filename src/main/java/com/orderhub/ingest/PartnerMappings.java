package com.orderhub.ingest;

import com.datasonnet.document.MediaType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.datasonnet.document.MediaTypes;
import com.datasonnet.header.Header;
import com.datasonnet.header.HeaderParseException;
import com.orderhub.config.OrderHubProperties;
import com.orderhub.config.OrderHubProperties.Partner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.language.datasonnet.DatasonnetExpression;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXParseException;

/**
 * Partner mappings (docs/files-from-erps.md): a partner with {@code mapping: <folder>} drops files in its own
 * format, which {@code mappings/<folder>/inbound.ds} (DataSonnet) turns into the create-order
 * JSON array before the file is ingested like any other. The script's header says what it reads
 * ({@code input payload application/xml}, {@code application/csv; separator=";"}, JSON), and so
 * which files the partner's inbox takes. DataSonnet reads a document whole, so a mapped file may
 * have at most {@code orderhub.ingest.max-mapped-file-bytes}; the canonical JSON is streamed.
 */
@Component("partnerMappings")
public class PartnerMappings {

    /**
     * A partner's format and the script between it and ours: what the partner's inbox takes and
     * how it becomes the create format, or how an export becomes the partner's file.
     */
    public record Mapping(String script, MediaType format, DatasonnetExpression expression) {

        /** The files of the partner's inbox: by the extension of the format the mapping reads. */
        public String include() {
            return ".*\\." + extension();
        }

        public String extension() {
            return PartnerMappings.extension(format);
        }

        /** The script applied to a document of ours (an export): the partner's file, as text. */
        public String apply(CamelContext camel, String document) {
            Exchange exchange = new org.apache.camel.support.DefaultExchange(camel);
            exchange.getMessage().setBody(document);
            return expression.evaluate(exchange, String.class);
        }
    }

    static final String WITHOUT_MAPPING = ".*\\.json";

    /** How DataSonnet reports an error the script raised: the message, then where in the script. */
    private static final Pattern SCRIPT_ERROR = Pattern.compile("jsonnet\\.Error: ([^\\n]+)");

    private final OrderHubProperties properties;
    private final long maxMappedFileBytes;
    private final Map<String, Mapping> mappings = new HashMap<>();

    public PartnerMappings(OrderHubProperties properties) {
        this.properties = properties;
        this.maxMappedFileBytes = properties.ingest().maxMappedFileBytes();
    }

    /**
     * Loads the partner's mapping, if it has one, and says which files its inbox takes. A mapping
     * that is missing or does not say what it reads stops the start: better than files read wrong.
     */
    public String load(CamelContext camel, String partnerName, Partner partner) {
        if (partner.mapping() == null || partner.mapping().isBlank()) {
            return WITHOUT_MAPPING;
        }
        Mapping mapping = compile(camel, partnerName, partner, "inbound.ds", true);
        mappings.put(partnerName, mapping);
        return mapping.include();
    }

    /**
     * The partner's export format, if its mapping folder has an {@code outbound.ds}: it reads the
     * export document (JSON) and writes what its header's {@code output} says (XML, CSV, JSON).
     */
    public java.util.Optional<Mapping> outbound(CamelContext camel, String partnerName, Partner partner) {
        if (partner.mapping() == null || partner.mapping().isBlank()
                || !Files.exists(Path.of(properties.mappingsDir(), partner.mapping(), "outbound.ds"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(compile(camel, partnerName, partner, "outbound.ds", false));
    }

    /** Reads, checks and prepares a mapping script; whatever is wrong with it stops the start. */
    private Mapping compile(CamelContext camel, String partnerName, Partner partner, String name, boolean inbound) {
        String key = "orderhub.partners." + partnerName + ".mapping";
        Path file = Path.of(properties.mappingsDir(), partner.mapping(), name).toAbsolutePath().normalize();
        String script;
        try {
            script = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(key + ": no mapping " + file + " (" + e + ")");
        }
        MediaType format;
        try {
            Header header = Header.parseHeader(script);
            format = (inbound ? header.getDefaultPayload() : header.getDefaultOutput()).orElse(null);
        } catch (HeaderParseException e) {
            throw new IllegalStateException(key + ": the header of " + file + " cannot be read: " + e.getMessage());
        }
        if (format == null || extension(format) == null) {
            throw new IllegalStateException(key + ": " + file + " must say what it " + (inbound ? "reads" : "writes")
                    + " in its header: '" + (inbound ? "input payload" : "output")
                    + " application/xml', 'application/csv' or 'application/json'");
        }
        DatasonnetExpression expression = new DatasonnetExpression(script);
        expression.setBodyMediaType(inbound ? format : MediaTypes.APPLICATION_JSON);
        expression.setOutputMediaType(inbound ? MediaTypes.APPLICATION_JSON : format);
        expression.setResultType(String.class);
        try {
            expression.init(camel);
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + ": " + file + " is not a valid DataSonnet script: " + rootMessage(e));
        }
        return new Mapping(properties.mappingsDir() + "/" + partner.mapping() + "/" + name, format, expression);
    }

    /**
     * The file-ingest route's first step: a mapped partner's file becomes a temporary file of the
     * create-order JSON array, which the rest of the route reads; other files pass untouched.
     */
    public void toCreateFormat(Exchange exchange) {
        Mapping mapping = mappings.get(exchange.getMessage().getHeader(FileIngest.PARTNER, String.class));
        if (mapping == null) {
            return;
        }
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > maxMappedFileBytes) {
            throw new FileRejected("The file has " + length + " bytes; a file in a mapped format is read whole and "
                    + "may have at most " + maxMappedFileBytes + " (orderhub.ingest.max-mapped-file-bytes)");
        }
        String orders;
        try {
            orders = mapping.expression().evaluate(exchange, String.class);
        } catch (RuntimeException e) {
            throw new FileRejected(describe(mapping, e));
        }
        if (!orders.stripLeading().startsWith("[")) {
            throw new FileRejected(mapping.script() + " did not make a JSON array of orders of the file");
        }
        try {
            File mapped = Files.createTempFile("orderhub-mapped", ".json").toFile();
            Files.writeString(mapped.toPath(), orders, StandardCharsets.UTF_8);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    mapped.delete();
                }
            });
            exchange.getMessage().setBody(mapped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the partner's file broke: the XML or CSV parser's line and column, or the words of the
     * mapping's own {@code error} (which the shipped mappings use to name the line and column).
     */
    private static String describe(Mapping mapping, RuntimeException e) {
        String format = mapping.format().getSubtype().toUpperCase(java.util.Locale.ROOT);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SAXParseException xml) {
                return "Malformed XML at line " + xml.getLineNumber() + ", column " + xml.getColumnNumber() + ": "
                        + xml.getMessage();
            }
            if (cause instanceof JsonProcessingException parse && parse.getLocation() != null) {
                return "Malformed " + format + " at line " + parse.getLocation().getLineNr() + ", column "
                        + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage();
            }
            Matcher scriptError = SCRIPT_ERROR.matcher(String.valueOf(cause.getMessage()));
            if (scriptError.find()) {
                return mapping.script() + ": " + scriptError.group(1).strip();
            }
        }
        return "The file could not be read by " + mapping.script() + ": " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    static String extension(MediaType type) {
        return switch (type.getSubtype()) {
            case "xml" -> "xml";
            case "csv" -> "csv";
            case "json" -> "json";
            default -> null;
        };
    }
}
