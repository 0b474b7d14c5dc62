package org.kernellab.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.kernellab.data.DataException;

/**
 * The model file, one for 2D and 3D nets ({@code .model}): a magic word, the net's JSON form with its training settings,
 * the parameters and BatchNorm's running statistics as floats, and a CRC32 of all that; written atomically
 * ({@link AtomicFile}). Every earlier file still opens: 2D models of versions 1 and 2 and 3D models
 * ({@code .model3d}) become the same {@link Net} values, their weights moved into today's layouts. A file from a newer
 * version is refused with a message saying so.
 */
public final class ModelFile {
    static final int VERSION = 3;
    private static final byte[] MAGIC = {'K', 'L', 'N', 'E', 'T', '0', '0', '3'};
    /** The most JSON a model file's header may hold: far beyond any net's, far below what would exhaust memory. */
    private static final int MAX_HEADER = 1 << 22;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pretrained course CNN shipped in assets, made by the {@code train} command written in the .json beside it. */
    public static final String PRETRAINED = "/assets/models/course-cnn.model";

    private ModelFile() {}

    /** The shipped pretrained course CNN. */
    public static Network pretrained() throws DataException {
        InputStream in = ModelFile.class.getResourceAsStream(PRETRAINED);
        if (in == null) throw new DataException("data.noPretrained", PRETRAINED);
        return read(in, "pretrained model");
    }

    /** Writes {@code net} to {@code file}, replacing it atomically and keeping an existing file's permissions. */
    public static void save(Network net, Path file) throws IOException {
        AtomicFile.write(encode(net), file);
    }

    static byte[] encode(Network net) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", VERSION);
        header.set("net", JSON.readTree(net.net().toJson()));
        Training t = net.training();
        ObjectNode training = header.putObject("training");
        training.put("optimizer", t.optimizer().id())
                .put("lr", t.lr())
                .put("batch", t.batch())
                .put("epochs", t.epochs())
                .put("seed", t.seed());
        if (net.normalizesInputs()) header.put("normalize", true); // older readers ignore it
        byte[] json = JSON.writeValueAsBytes(header);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(json.length);
            out.write(json);
            floats(out, net.parameterValues());
            floats(out, net.statistics());
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        return bytes.toByteArray();
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float f : v) out.writeFloat(f);
    }

    /** Reads a model file of any version, 2D or 3D. */
    public static Network load(Path file) throws DataException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString());
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
    }

    /** Reads a model from a stream (a file or a resource); {@code name} names it in errors. */
    public static Network read(InputStream raw, String name) throws DataException {
        try {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw), new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            String word = new String(magic, StandardCharsets.ISO_8859_1);
            if (Arrays.equals(magic, MAGIC)) return current(in, checked, name);
            if (LegacyModels.knows(word)) return LegacyModels.read(word, in, checked, name);
            if (word.startsWith("KLNET")
                    && word.substring(5).chars().allMatch(Character::isDigit)
                    && Integer.parseInt(word.substring(5)) > VERSION) {
                throw new DataException("model.newer", name, Integer.parseInt(word.substring(5)), VERSION);
            }
            throw new DataException("model.notModel", name);
        } catch (EOFException e) {
            throw new DataException("model.cut", name).causedBy(e);
        } catch (IOException | RuntimeException e) {
            throw new DataException("model.damaged", name, DataException.why(e)).causedBy(e);
        }
    }

    private static Network current(DataInputStream in, CheckedInputStream checked, String name)
            throws IOException, DataException {
        int length = in.readInt();
        if (length < 2 || length > MAX_HEADER)
            throw new DataException("model.damaged", name, "header of " + length + " bytes");
        byte[] json = new byte[length];
        in.readFully(json);
        JsonNode header = JSON.readTree(json);
        Net net = Net.fromJson(header.path("net").toString());
        JsonNode t = header.path("training");
        Training training = new Training(
                Training.Optimizer.parse(t.path("optimizer").asText()),
                t.path("lr").asDouble(),
                t.path("batch").asInt(),
                t.path("epochs").asInt(),
                t.path("seed").asLong());
        float[] params = readFloats(in, name, net.parameters());
        float[] stats = readFloats(in, name, statistics(net));
        checkEnd(in, checked, name, params, stats);
        Network network = Network.withParameters(net, training, params, stats);
        network.normalizeInputs(header.path("normalize").asBoolean(false));
        return network;
    }

    /** BatchNorm's running means and variances: two per channel. */
    static long statistics(Net net) {
        return net.resolved().stream()
                .filter(l -> l instanceof Layer.BatchNorm)
                .mapToLong(l -> 2L * ((Layer.BatchNorm) l).features())
                .sum();
    }

    /** {@code expected} floats, the count checked before anything is allocated. */
    static float[] readFloats(DataInputStream in, String name, long expected) throws IOException, DataException {
        int n = in.readInt();
        if (n != expected) throw new DataException("model.wrongCount", name, n, expected);
        float[] p = new float[n];
        for (int i = 0; i < n; i++) p[i] = in.readFloat();
        return p;
    }

    /** The checksum, that nothing follows, and that every value is a finite number. */
    static void checkEnd(DataInputStream in, CheckedInputStream checked, String name, float[]... values)
            throws IOException, DataException {
        long sum = checked.getChecksum().getValue();
        if (in.readLong() != sum) throw new DataException("model.checksum", name);
        if (in.read() >= 0) throw new DataException("model.trailing", name);
        int at = 0;
        for (float[] v : values) {
            for (float f : v) {
                if (!Float.isFinite(f)) throw new DataException("model.notFinite", name, at);
                at++;
            }
        }
    }
}
