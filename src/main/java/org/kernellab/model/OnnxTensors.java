package org.kernellab.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import org.kernellab.data.DataException;
import org.kernellab.onnx.OnnxProto.TensorProto;

/** The values of an ONNX graph's weights (initializers and constants), float32 as floats, shapes as longs. */
final class OnnxTensors {
    private final Map<String, TensorProto> weights;
    private final String source;

    OnnxTensors(Map<String, TensorProto> weights, String source) {
        this.weights = weights;
        this.source = source;
    }

    TensorProto tensor(String name) throws DataException {
        TensorProto t = weights.get(name);
        if (t == null) throw bad("the weights " + name + " are neither an initializer nor a constant");
        return t;
    }

    int[] shape(String name) throws DataException {
        return tensor(name).getDimsList().stream().mapToInt(Long::intValue).toArray();
    }

    /** A float tensor's values (raw little-endian bytes or the float list). */
    float[] floats(String name) throws DataException {
        TensorProto t = tensor(name);
        if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE)
            throw bad(name + " holds values of ONNX type " + t.getDataType() + ", not float32");
        long n = t.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        if (t.hasRawData()) {
            if (t.getRawData().size() != n * 4)
                throw bad(name + " has " + t.getRawData().size() + " bytes for " + n + " values");
            float[] out = new float[(int) n];
            t.getRawData()
                    .asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(out);
            return out;
        }
        if (t.getFloatDataCount() != n) throw bad(name + " has " + t.getFloatDataCount() + " values for " + n);
        float[] out = new float[(int) n];
        for (int i = 0; i < n; i++) out[i] = t.getFloatData(i);
        return out;
    }

    long[] longs(String name) throws DataException {
        TensorProto t = tensor(name);
        if (t.hasRawData()) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long[] out = new long[b.remaining() / 8];
            b.asLongBuffer().get(out);
            return out;
        }
        return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A 2D weight as rows. */
    float[][] matrix(String name) throws DataException {
        int[] s = shape(name);
        if (s.length != 2) throw bad(name + " is not a matrix");
        float[] v = floats(name);
        float[][] m = new float[s[0]][];
        for (int r = 0; r < s[0]; r++) m[r] = Arrays.copyOfRange(v, r * s[1], (r + 1) * s[1]);
        return m;
    }

    float[][] transpose(String name) throws DataException {
        float[][] m = matrix(name), t = new float[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) for (int c = 0; c < m[0].length; c++) t[c][r] = m[r][c];
        return t;
    }

    private DataException bad(String why) {
        return new DataException("model.badOnnx", source, why);
    }
}
