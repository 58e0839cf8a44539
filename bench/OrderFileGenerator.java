import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a partner file of N orders (1 header + L lines with a detail each + 2 discounts) for the
 * reference data CreateOrdersBench sets up with the given run prefix, streaming, so files of any
 * size can be made.
 *
 * java bench/OrderFileGenerator.java <file> <orders> <lines> <run-prefix>
 */
public class OrderFileGenerator {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int orders = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[2]);
        String run = args[3];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[");
            for (int i = 0; i < orders; i++) {
                out.write(i == 0 ? "\n" : ",\n");
                out.write(CreateOrdersBench.order(run, i, lines));
            }
            out.write("\n]\n");
        }
    }
}
