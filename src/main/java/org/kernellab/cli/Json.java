package org.kernellab.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kernellab.compute.Shapes;
import org.kernellab.compute.Tensor;

/** Nested JSON arrays to tensors and results back to one-line JSON. */
final class Json {
    // trailing tokens are an error: "[[1,2]] junk" is a typo, not the matrix [[1,2]]
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new SimpleModule().addSerializer(Double.class, new Compact()));

    private Json() {}

    /** A nested array of numbers of rank {@code minRank}..{@code maxRank}, rectangular. */
    static Tensor tensor(String option, String text, int minRank, int maxRank) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int cut = why.indexOf(" (start marker");
            if (cut > 0) why = why.substring(0, cut);
            why = why.split("\n")[0];
            if (e.getLocation() != null) why = "column " + e.getLocation().getColumnNr() + ": " + why;
            throw new CliException("cli.badJson", option, why);
        }
        if (root == null || !root.isArray()) throw new CliException("cli.notArray", option);
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = root; n.isArray(); n = n.get(0)) {
            shape.add(n.size());
            if (n.size() == 0) throw new CliException("cli.ragged", option);
        }
        if (shape.size() < minRank || shape.size() > maxRank) {
            throw new CliException(
                    "cli.badRank",
                    option,
                    minRank == maxRank ? String.valueOf(minRank) : minRank + "–" + maxRank,
                    shape.size());
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        long n = Shapes.cells(Arrays.stream(dims).asLongStream().toArray());
        if (n > Shapes.MAX_CELLS) throw new CliException("cli.tooManyValues", option, n, Shapes.MAX_CELLS);
        double[] data = new double[(int) n];
        int[] pos = {0};
        fill(option, root, dims, 0, data, pos);
        return new Tensor(dims, data);
    }

    private static void fill(String option, JsonNode node, int[] dims, int axis, double[] out, int[] pos) {
        if (axis == dims.length) {
            if (!node.isNumber()) throw new CliException("cli.notNumber", option, node.toString());
            double v = node.doubleValue();
            if (!Double.isFinite(v)) throw new CliException("cli.numberTooLarge", option, node.asText());
            out[pos[0]++] = v;
            return;
        }
        if (!node.isArray() || node.size() != dims[axis]) throw new CliException("cli.ragged", option);
        for (JsonNode child : node) fill(option, child, dims, axis + 1, out, pos);
    }

    /** A JSON text as a tree, to nest in a result (a net's JSON form). */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole numbers without a trailing ".0", as the course writes them; −0 as 0. */
    private static final class Compact extends StdSerializer<Double> {
        Compact() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            double d = v;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) g.writeNumber((long) d);
            else g.writeNumber(d);
        }
    }
}
