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
 * A key written several times is a figure of several rounds: its value is their median, and
 * each round's value is listed with it; a ratio is taken per round (E of a round against the L
 * of the same round), and the bar is decided on the median of the rounds' ratios.
 *
 * java bench/BenchReport.java <results.tsv> <results.json>
 */
public class BenchReport {

    private record Row(String key, String value, String unit, String label, List<String> rounds) {

        Row(String key, String value, String unit, String label) {
            this(key, value, unit, label, List.of(value));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<Row>> written = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] field = line.split("\t", 4);
            if (field.length == 4) {
                written.computeIfAbsent(field[0], k -> new ArrayList<>()).add(new Row(field[0], field[1], field[2], field[3]));
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        written.forEach((key, rounds) -> rows.put(key, rounds.size() == 1 ? rounds.get(0) : median(rounds)));
        List<Row> verdicts = new ArrayList<>();
        List<Row> limit = written.get("limit.batched.orders_per_s");
        ratio(verdicts, written, limit, "rest.persisted_orders_per_s", "e_over_l", "E / L (REST persisted / limit)", 0.5);
        ratio(verdicts, written, limit, "file.persisted_orders_per_s", "f_over_l", "F / L (file persisted / limit)", 0.6);
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
                    .append(jsonValue(row.value()))
                    .append(", \"unit\": ").append(string(row.unit()))
                    .append(", \"label\": ").append(string(row.label()));
            if (row.rounds().size() > 1) {
                json.append(", \"rounds\": [").append(String.join(", ", row.rounds().stream()
                        .map(BenchReport::jsonValue).toList())).append(']');
            }
            json.append('}');
            comma = ",\n";
        }
        Files.writeString(Path.of(args[1]), json.append("\n}\n"));
        System.out.println("\nResults: " + args[1]);
    }

    /** The ratio of a figure to L, round by round, and the bar on their median. */
    private static void ratio(List<Row> verdicts, Map<String, List<Row>> written, List<Row> limit, String key,
            String name, String label, double bar) {
        List<Row> values = written.get(key);
        if (limit == null || values == null || limit.size() != values.size()) {
            return;
        }
        List<String> ratios = new ArrayList<>();
        int met = 0;
        for (int i = 0; i < values.size(); i++) {
            Double l = number(limit.get(i).value());
            Double v = number(values.get(i).value());
            if (l == null || v == null || l == 0) {
                return;
            }
            ratios.add("%.3f".formatted(v / l));
            met += v / l >= bar ? 1 : 0;
        }
        List<Row> rounds = ratios.stream().map(r -> new Row("ratio." + name, r, "x L", label)).toList();
        Row ratio = rounds.size() == 1 ? rounds.get(0) : median(rounds);
        verdicts.add(ratio);
        String verdict = Double.parseDouble(ratio.value()) >= bar ? "pass" : "FAIL";
        verdicts.add(new Row("bar." + name, ratios.size() == 1 ? verdict : verdict + " (" + met + " of " + ratios.size()
                + " rounds)", "", "bar: %s >= %.1f".formatted(label.replaceFirst(" \\(.*", ""), bar)));
    }

    /** A figure of several rounds: the median of its values (the lower middle one of an even number), each listed. */
    private static Row median(List<Row> rounds) {
        Row first = rounds.get(0);
        List<String> values = rounds.stream().map(Row::value).toList();
        if (!values.stream().allMatch(BenchReport::isNumber)) {
            return new Row(first.key(), String.join(" / ", values), first.unit(), first.label(), values);
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(java.util.Comparator.comparing(Double::valueOf));
        return new Row(first.key(), sorted.get((sorted.size() - 1) / 2), first.unit(), first.label() + " (median of "
                + values.size() + " rounds: " + String.join(" / ", values.stream().map(BenchReport::pretty).toList())
                + ")", values);
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
        return row == null ? null : number(row.value());
    }

    private static Double number(String value) {
        return isNumber(value) ? Double.valueOf(value) : null;
    }

    private static String jsonValue(String value) {
        return isNumber(value) ? value : string(value);
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
