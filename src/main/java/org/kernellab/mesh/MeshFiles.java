package org.kernellab.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.kernellab.data.DataException;

/**
 * Reads OFF, OBJ and STL (ASCII and binary) into a {@link Mesh}, with the quirks of real ModelNet files: a header glued
 * to its counts ({@code OFF490 518 0}), comments and blank lines anywhere, polygons of more than three vertices (split
 * into a fan of triangles), colours after a face. A bad file gives one message naming the file and the line; counts are
 * checked against the file's size before anything is allocated, so no header can exhaust memory.
 */
public final class MeshFiles {
    /** The largest mesh file read: ModelNet's largest objects are a few megabytes. */
    public static final long MAX_BYTES = 256L << 20;
    /** The most vertices or faces a mesh may have. */
    public static final int MAX_ELEMENTS = 10_000_000;

    private MeshFiles() {}

    public static Mesh read(Path file) throws DataException {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        String ext = name.toLowerCase(Locale.ROOT).replaceAll(".*\\.", "");
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) throw new DataException("mesh.notFile", file);
            long size = Files.size(file);
            if (size > MAX_BYTES) throw new DataException("mesh.tooLarge", file, size, MAX_BYTES);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new DataException("data.unreadable", file, DataException.why(e)).causedBy(e);
        }
        return parse(bytes, ext, file.toString());
    }

    /** @param format "off", "obj" or "stl"; {@code name} names the file in messages */
    public static Mesh parse(byte[] bytes, String format, String name) throws DataException {
        if (bytes.length == 0) throw new DataException("data.empty", name);
        return switch (format) {
            case "off" -> readOff(new MeshTokens(text(bytes, name), name));
            case "obj" -> readObj(text(bytes, name), name);
            case "stl" ->
                isBinaryStl(bytes) ? readBinaryStl(bytes, name) : readAsciiStl(new MeshTokens(text(bytes, name), name));
            default -> throw new DataException("mesh.unknownFormat", name);
        };
    }

    private static String text(byte[] bytes, String name) throws DataException {
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) throw new DataException("mesh.binaryJunk", name);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------------------------------------ OFF

    private static Mesh readOff(MeshTokens t) throws DataException {
        String first = t.next("mesh.noHeader");
        if (!first.toUpperCase(Locale.ROOT).startsWith("OFF")) throw t.error("mesh.notOff", first);
        String glued = first.substring(3); // "OFF490" holds the vertex count
        int vertices = glued.isEmpty() ? t.count("vertices") : t.count(glued, "vertices");
        int faces = t.count("faces");
        t.count("edges");
        // every vertex needs at least three numbers and every face four: a large count the file cannot hold is refused
        // before allocating for it (a small one is read until the file ends, and that line is named)
        long needs = (long) vertices * 6 + (long) faces * 8;
        if (needs > t.remainingChars() + 16 && needs > 1_000_000) throw t.error("mesh.countsTooLarge", vertices, faces);
        float[] v = new float[vertices * 3];
        for (int i = 0; i < v.length; i++) v[i] = t.decimal();
        IntList tris = new IntList(faces * 3);
        for (int f = 0; f < faces; f++) {
            int n = t.count("face size"), line = t.line(); // the face's line: the count is its first word
            if (n < 3) throw t.error("mesh.shortFace", n);
            int[] idx = new int[n];
            for (int k = 0; k < n; k++) {
                idx[k] = t.integer();
                if (idx[k] < 0 || idx[k] >= vertices) throw t.error("mesh.badIndex", idx[k], vertices);
            }
            fan(idx, tris);
            t.skipRestOf(line); // colour values after the indices
        }
        return check(new Mesh(v, tris.toArray(), faces), t.name);
    }

    // ------------------------------------------------------------------------------------------------ OBJ

    private static Mesh readObj(String text, String name) throws DataException {
        FloatList v = new FloatList(1024);
        IntList tris = new IntList(1024);
        int faces = 0, lineNo = 0;
        for (String raw : text.split("\r?\n|\r", -1)) {
            lineNo++;
            String line = raw.strip();
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash).strip();
            if (line.isEmpty()) continue;
            String[] p = line.split("\\s+");
            if (p[0].equals("v")) {
                if (p.length < 4) throw new DataException("mesh.badLine", name, lineNo, raw.strip());
                for (int a = 1; a <= 3; a++) v.add(MeshTokens.decimal(p[a], name, lineNo));
                if (v.size() > 3L * MAX_ELEMENTS)
                    throw new DataException("mesh.countsTooLarge", name, lineNo, v.size() / 3, faces);
            } else if (p[0].equals("f")) {
                if (p.length < 4) throw new DataException("mesh.shortFace", name, lineNo, p.length - 1);
                int[] idx = new int[p.length - 1];
                int count = v.size() / 3;
                for (int k = 0; k < idx.length; k++) {
                    String ref = p[k + 1].split("/")[0]; // "7/1/3": the vertex, its texture and normal
                    int i = MeshTokens.integer(ref, name, lineNo);
                    i = i < 0
                            ? count + i
                            : i - 1; // OBJ counts from 1; negative indices count back from the last vertex
                    if (i < 0 || i >= count) throw new DataException("mesh.badIndex", name, lineNo, ref, count);
                    idx[k] = i;
                }
                fan(idx, tris);
                faces++;
            }
        }
        return check(new Mesh(v.toArray(), tris.toArray(), faces), name);
    }

    // ------------------------------------------------------------------------------------------------ STL

    private static boolean isBinaryStl(byte[] b) {
        if (b.length < 84) return false;
        long n = ByteBuffer.wrap(b, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        return 84 + 50 * n == b.length; // ASCII files that start with "solid" exist in binary too: the size decides
    }

    private static Mesh readBinaryStl(byte[] b, String name) throws DataException {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int n = buf.getInt(80);
        if (n > MAX_ELEMENTS) throw new DataException("mesh.countsTooLarge", name, 1, 3L * n, n);
        float[] v = new float[n * 9];
        int[] tris = new int[n * 3];
        for (int t = 0; t < n; t++) {
            int at = 84 + 50 * t + 12; // after the normal
            for (int k = 0; k < 9; k++) {
                v[9 * t + k] = buf.getFloat(at + 4 * k);
                if (!Float.isFinite(v[9 * t + k])) throw new DataException("mesh.notFiniteTriangle", name, t + 1);
            }
            for (int k = 0; k < 3; k++) tris[3 * t + k] = 3 * t + k;
        }
        return check(new Mesh(v, tris, n), name);
    }

    private static Mesh readAsciiStl(MeshTokens t) throws DataException {
        if (!t.next("mesh.noHeader").equalsIgnoreCase("solid")) throw t.error("mesh.notStl");
        FloatList v = new FloatList(1024);
        int faces = 0;
        while (t.hasNext()) {
            String word = t.next("mesh.truncated");
            if (word.equalsIgnoreCase("endsolid")) break;
            if (!word.equalsIgnoreCase("vertex"))
                continue; // facet normal, outer loop, endloop, endfacet, the solid's name
            for (int a = 0; a < 3; a++) v.add(t.decimal());
            if (v.size() % 9 == 0) faces++;
            if (v.size() > 9L * MAX_ELEMENTS) throw t.error("mesh.countsTooLarge", v.size() / 3, faces);
        }
        if (v.size() % 9 != 0) throw t.error("mesh.truncated");
        int[] tris = new int[v.size() / 3];
        for (int i = 0; i < tris.length; i++) tris[i] = i;
        return check(new Mesh(v.toArray(), tris, faces), t.name);
    }

    // ------------------------------------------------------------------------------------------------ shared

    /** A polygon as a fan of triangles from its first vertex. */
    private static void fan(int[] idx, IntList tris) {
        for (int k = 1; k + 1 < idx.length; k++) {
            tris.add(idx[0]);
            tris.add(idx[k]);
            tris.add(idx[k + 1]);
        }
    }

    private static Mesh check(Mesh m, String name) throws DataException {
        if (m.vertexCount() == 0 || m.triangleCount() == 0) throw new DataException("mesh.noTriangles", name);
        return m;
    }

    /** A growing int array, without boxing. */
    static final class IntList {
        private int[] a;
        private int n;

        IntList(int capacity) {
            a = new int[Math.max(16, Math.min(capacity, 1 << 20))];
        }

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, 2 * a.length);
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growing float array, without boxing. */
    static final class FloatList {
        private float[] a;
        private int n;

        FloatList(int capacity) {
            a = new float[capacity];
        }

        void add(float v) {
            if (n == a.length) a = Arrays.copyOf(a, 2 * a.length);
            a[n++] = v;
        }

        int size() {
            return n;
        }

        float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
