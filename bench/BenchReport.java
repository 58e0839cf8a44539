import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a bench/run.sh run: reads the figures the steps wrote (lines of key, value, unit,
 * label, tab-separated), adds the ratios against the limit and the bar of the benchmark issue,
 * prints one table and writes the same rows as JSON, so every printed figure is in the file.
 *
 * java bench/BenchReport.java <results.tsv> <results.json>
 */
public class BenchReport {

    private record Row(String key, String value, String unit, String label) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] field = line.split("\t", 4);
            if (field.length == 4) {
                rows.put(field[0], new Row(field[0], field[1], field[2], field[3]));
            }
        }
        List<Row> verdicts = new ArrayList<>();
        Double limit = number(rows, "limit.batched.orders_per_s");
        ratio(verdicts, rows, limit, "rest.persisted_orders_per_s", "e_over_l", "E / L (REST persisted / limit)", 0.5);
        ratio(verdicts, rows, limit, "file.persisted_orders_per_s", "f_over_l", "F / L (file persisted / limit)", 0.6);
        ceiling(verdicts, rows, "reads.get_order_page_1.p99_ms", 20);
        ceiling(verdicts, rows, "reads.get_by_id_remote.p99_ms", 20);
        for (String region : List.of("start", "middle", "end")) {
            ceiling(verdicts, rows, "reads.updated_from_" + region + ".p99_ms", 20);
        }
        ceiling(verdicts, rows, "reads.get_order_page_1000.p99_ms", 100);
        ceiling(verdicts, rows, "reads.get_order_page_50000.p99_ms", 100);
        // the ratios first, then every check of the bar, each under its own heading
        verdicts.sort(java.util.Comparator.comparing(row -> row.key().startsWith("bar.")));
        for (Row verdict : verdicts) {
            rows.put(verdict.key(), verdict);
        }
        int width = rows.values().stream().mapToInt(row -> row.label().length()).max().orElse(10);

        String section = "";
        System.out.printf("%n%-" + width + "s %14s  %s%n", "measure", "value", "unit");
        for (Row row : rows.values()) {
            String head = row.key().substring(0, row.key().indexOf('.'));
            if (!head.equals(section)) {
                System.out.println("-".repeat(width + 26));
                section = head;
            }
            System.out.printf("%-" + width + "s %14s  %s%n", row.label(), pretty(row.value()), row.unit());
        }

        StringBuilder json = new StringBuilder("{\n");
        String comma = "";
        for (Row row : rows.values()) {
            json.append(comma).append("  ").append(string(row.key())).append(": {\"value\": ")
                    .append(isNumber(row.value()) ? row.value() : string(row.value()))
                    .append(", \"unit\": ").append(string(row.unit()))
                    .append(", \"label\": ").append(string(row.label())).append('}');
            comma = ",\n";
        }
        Files.writeString(Path.of(args[1]), json.append("\n}\n"));
        System.out.println("\nResults: " + args[1]);
    }

    private static void ratio(List<Row> verdicts, Map<String, Row> rows, Double limit, String key, String name,
            String label, double bar) {
        Double value = number(rows, key);
        if (limit == null || value == null || limit == 0) {
            return;
        }
        double ratio = value / limit;
        verdicts.add(new Row("ratio." + name, "%.3f".formatted(ratio), "x L", label));
        verdicts.add(new Row("bar." + name, ratio >= bar ? "pass" : "FAIL", "",
                "bar: %s >= %.1f".formatted(label.replaceFirst(" \\(.*", ""), bar)));
    }

    /** The bar for a latency, labelled as measured (a small order book has fewer pages than asked). */
    private static void ceiling(List<Row> verdicts, Map<String, Row> rows, String key, double ms) {
        Double value = number(rows, key);
        if (value == null) {
            return;
        }
        String name = key.replaceFirst("^reads\\.", "").replace(".p99_ms", "");
        verdicts.add(new Row("bar." + name, value <= ms ? "pass" : "FAIL", "",
                "bar: %s <= %.0f ms".formatted(rows.get(key).label().replaceFirst("^Reads: ", ""), ms)));
    }

    private static Double number(Map<String, Row> rows, String key) {
        Row row = rows.get(key);
        return row != null && isNumber(row.value()) ? Double.valueOf(row.value()) : null;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }

    private static String pretty(String value) {
        if (!isNumber(value)) {
            return value;
        }
        int decimals = value.contains(".") ? value.length() - value.indexOf('.') - 1 : 0;
        return String.format(Locale.ROOT, "%,." + decimals + "f", Double.valueOf(value));
    }

    private static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
