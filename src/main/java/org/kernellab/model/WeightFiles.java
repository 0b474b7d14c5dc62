package org.kernellab.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.kernellab.data.DataException;
import org.kernellab.model.Pickle.Storage;
import org.kernellab.model.Pickle.TensorRef;

/**
 * State dicts as PyTorch saves them: {@code torch.save}'s zip (PyTorch 1.6 and later: a pickle and one raw
 * little-endian file per storage) and safetensors (a header length, a JSON header, raw bytes). Every declared size is
 * checked against the bytes really there before anything is allocated, and no more is read than a tensor needs, so a
 * damaged or hostile file is refused in a sentence, not with memory exhausted.
 */
public final class WeightFiles {
    /** One tensor of a state dict, as floats (BatchNorm's {@code num_batches_tracked} too), C order. */
    public record Weight(int[] shape, float[] values) {
        public Weight {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    /** Far more than any net the app draws (VGG16's 138 million parameters), far below a 1 GB heap's limit. */
    static final long MAX_VALUES = 160_000_000L;

    private static final int MAX_PICKLE = 64 << 20, MAX_HEADER = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WeightFiles() {}

    /** A state dict saved by {@code torch.save}: the names in the file's order. */
    public static Map<String, Weight> pytorch(Path file) throws DataException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = zip.stream()
                    .filter(e -> e.getName().endsWith("data.pkl"))
                    .findFirst()
                    .orElseThrow(() -> new DataException("model.notStateDict", file));
            String root = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            Map<String, TensorRef> refs = Pickle.stateDict(file.toString(), bytes(zip, pkl, MAX_PICKLE, file));
            Map<String, float[]> storages = new HashMap<>();
            Map<String, Weight> out = new LinkedHashMap<>();
            long total = 0;
            for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
                Storage s = e.getValue().storage();
                total += s.elements();
                if (total > MAX_VALUES) throw new DataException("model.tooLarge", file, MAX_VALUES);
                float[] values = storages.get(s.key());
                if (values == null) {
                    values = storage(zip, root + "data/" + s.key(), s, file);
                    storages.put(s.key(), values);
                }
                out.put(e.getKey(), view(values, e.getValue(), e.getKey(), file));
            }
            return out;
        } catch (ZipException e) {
            throw new DataException("model.badZip", file, DataException.why(e)).causedBy(e);
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
    }

    private static float[] storage(ZipFile zip, String name, Storage s, Path file) throws IOException, DataException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) throw new DataException("model.noStorage", file, s.key());
        int size = s.type().equals(Pickle.FLOAT) ? 4 : 8;
        long need = s.elements() * size;
        if (entry.getSize() >= 0 && entry.getSize() != need)
            throw new DataException("model.storageSize", file, "storage " + s.key(), entry.getSize(), need);
        ByteBuffer b = ByteBuffer.wrap(bytes(zip, entry, need, file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != need)
            throw new DataException("model.storageSize", file, "storage " + s.key(), b.remaining(), need);
        return floats(
                b,
                (int) s.elements(),
                s.type().equals(Pickle.FLOAT) ? "F32" : s.type().equals(Pickle.DOUBLE) ? "F64" : "I64");
    }

    /** At most {@code limit} bytes of an entry: one more says it is larger (a zip bomb stops there). */
    private static byte[] bytes(ZipFile zip, ZipEntry entry, long limit, Path file) throws IOException, DataException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (b.length > limit) throw new DataException("model.entryTooLarge", file, entry.getName(), limit);
            return b;
        }
    }

    /** A tensor's values from its storage, following its offset and strides; every index checked to be inside. */
    private static Weight view(float[] storage, TensorRef t, String name, Path file) throws DataException {
        long[] size = t.size(), stride = t.stride();
        if (size.length != stride.length) throw new DataException("model.badTensor", file, name);
        long n = 1, last = t.offset();
        for (int d = 0; d < size.length; d++) {
            n *= size[d];
            if (size[d] > Integer.MAX_VALUE || n > MAX_VALUES)
                throw new DataException("model.tooLarge", file, MAX_VALUES);
            if (size[d] > 0) last += (size[d] - 1) * stride[d];
        }
        if (n > 0 && last >= storage.length)
            throw new DataException("model.tensorOutside", file, name, Arrays.toString(size), storage.length);
        float[] out = new float[(int) n];
        int[] shape = Arrays.stream(size).mapToInt(v -> (int) v).toArray();
        for (int i = 0; i < n; i++) {
            long at = t.offset(), rest = i;
            for (int d = size.length - 1; d >= 0; d--) {
                at += rest % size[d] * stride[d];
                rest /= size[d];
            }
            out[i] = storage[(int) at];
        }
        return new Weight(shape, out);
    }

    /** A state dict in the safetensors format, names in its header's order. */
    public static Map<String, Weight> safetensors(Path file) throws DataException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            long n = length < 8
                    ? -1
                    : read(ch, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n <= 0 || n > MAX_HEADER || n > length - 8)
                throw new DataException(
                        "model.badSafetensors", file, "a header of " + n + " bytes in a file of " + length);
            JsonNode header = JSON.readTree(read(ch, 8, (int) n).array());
            long data = 8 + n, total = 0;
            Map<String, Weight> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) continue;
                Tensor t = tensor(e.getKey(), e.getValue(), file);
                total += t.elements;
                if (total > MAX_VALUES) throw new DataException("model.tooLarge", file, MAX_VALUES);
                if (t.end > length - data)
                    throw new DataException(
                            "model.badSafetensors", file, e.getKey() + " lies beyond the end of the file");
                float[] v = floats(read(ch, data + t.begin, (int) (t.end - t.begin)), (int) t.elements, t.dtype);
                out.put(e.getKey(), new Weight(t.shape, v));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new DataException("model.badSafetensors", file, "its header is not JSON").causedBy(e);
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
    }

    private record Tensor(String dtype, int[] shape, long elements, long begin, long end) {}

    private static Tensor tensor(String name, JsonNode t, Path file) throws DataException {
        String dtype = t.path("dtype").asText();
        int size = switch (dtype) {
            case "F32" -> 4;
            case "F64", "I64" -> 8;
            default -> throw new DataException("model.badDtype", file, name, dtype);
        };
        JsonNode shape = t.path("shape"), offsets = t.path("data_offsets");
        if (!shape.isArray() || shape.size() > 8 || !offsets.isArray() || offsets.size() != 2)
            throw new DataException("model.badSafetensors", file, name + " has no shape or offsets");
        int[] dims = new int[shape.size()];
        long n = 1;
        for (int d = 0; d < dims.length; d++) {
            long v = shape.get(d).asLong(-1);
            if (!shape.get(d).canConvertToInt() || v < 0) throw new DataException("model.badTensor", file, name);
            dims[d] = (int) v;
            n *= v;
            if (n > MAX_VALUES) throw new DataException("model.tooLarge", file, MAX_VALUES);
        }
        long begin = offsets.get(0).asLong(-1), end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end - begin != n * size)
            throw new DataException("model.storageSize", file, name, end - begin, n * size);
        return new Tensor(dtype, dims, n, begin, end);
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) if (ch.read(b, at + b.position()) < 0) break; // a read may stop short: go on
        return b.flip();
    }

    private static float[] floats(ByteBuffer b, int n, String dtype) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[n];
        for (int i = 0; i < n; i++)
            out[i] = switch (dtype) {
                case "F32" -> b.getFloat();
                case "F64" -> (float) b.getDouble();
                default -> b.getLong();
            };
        return out;
    }
}
