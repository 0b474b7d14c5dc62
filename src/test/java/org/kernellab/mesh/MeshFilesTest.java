package org.kernellab.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kernellab.data.DataException;

/** The mesh readers against hand-made files: every quirk of real ModelNet files, and every way a file can be bad. */
class MeshFilesTest {
    static Mesh off(String text) throws DataException {
        return MeshFiles.parse(text.getBytes(StandardCharsets.US_ASCII), "off", "t.off");
    }

    static final String SQUARE = "4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3\n";

    @Test
    void offWithEveryQuirkOfModelNet() throws DataException {
        Mesh plain = off("OFF\n" + SQUARE);
        assertEquals(4, plain.vertexCount());
        assertEquals(1, plain.faces());
        assertEquals(2, plain.triangleCount(), "a four-sided face is split into two triangles");
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, plain.triangles());
        Mesh glued = off("OFF4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3\n");
        assertArrayEquals(plain.vertices(), glued.vertices(), 0f);
        Mesh commented = off(
                "# made by hand\nOFF\n\n# counts\n4 1 0\n0 0 0 # origin\n1 0 0\n\n1 1 0\n0 1 0\n4 0 1 2 3 255 0 0\n");
        assertArrayEquals(
                plain.triangles(), commented.triangles(), "comments, blank lines and a face colour are skipped");
        Mesh crlf = off("OFF\r\n4 1 0\r\n0 0 0\r\n1 0 0\r\n1 1 0\r\n0 1 0\r\n4 0 1 2 3\r\n");
        assertEquals(2, crlf.triangleCount());
        Mesh pentagon = off("OFF\n5 1 0\n0 0 0\n1 0 0\n1 1 0\n0.5 1.5 0\n0 1 0\n5 0 1 2 3 4\n");
        assertEquals(3, pentagon.triangleCount());
        assertEquals(1.0 + 0.25, pentagon.area(0) + pentagon.area(1) + pentagon.area(2), 1e-6);
    }

    @Test
    void objAndBothKindsOfStl(@TempDir Path dir) throws Exception {
        Mesh obj = MeshFiles.parse(
                ("# a square\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvn 0 0 1\nf 1/1/1 2/2/1 3/3/1 4/4/1\nf -4 -3 -2\n")
                        .getBytes(StandardCharsets.US_ASCII),
                "obj",
                "t.obj");
        assertEquals(2, obj.faces());
        assertEquals(3, obj.triangleCount());
        String ascii =
                "solid sq\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 1 1 0\nendloop\nendfacet\nendsolid sq\n";
        Mesh stl = MeshFiles.parse(ascii.getBytes(StandardCharsets.US_ASCII), "stl", "t.stl");
        assertEquals(1, stl.triangleCount());
        assertEquals(0.5, stl.area(0), 1e-9);
        ByteBuffer b = ByteBuffer.allocate(84 + 50).order(ByteOrder.LITTLE_ENDIAN);
        b.put("solid but binary".getBytes(StandardCharsets.US_ASCII)); // binary STL headers may start with "solid" too
        b.position(80);
        b.putInt(1);
        for (float f : new float[] {0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 0}) b.putFloat(f);
        Path file = Files.write(dir.resolve("tri.stl"), b.array());
        Mesh bin = MeshFiles.read(file);
        assertEquals(1, bin.triangleCount());
        assertEquals(2.0, bin.area(0), 1e-9);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("OFF\n4 1 0\n0 0 0\n1 0 0\n", "mesh.truncated", "line 5"),
                Arguments.of("OFF\n3 1 0\n0 0 0\n1 0 0\n1 1 0\n3 0 1 7\n", "mesh.badIndex", "line 6"),
                Arguments.of("OFF\n3 1 0\n0 0 0\n1 NaN 0\n1 1 0\n3 0 1 2\n", "mesh.notNumber", "line 4"),
                Arguments.of("OFF\n3 1 0\n0 0 0\n1 Infinity 0\n1 1 0\n3 0 1 2\n", "mesh.notNumber", "\"Infinity\""),
                Arguments.of("OFF\n3 1 0\n0 0 0\n1 0 0\n1 1 0\n2 0 1\n", "mesh.shortFace", "at least 3"),
                Arguments.of("OFF\n-3 1 0\n", "mesh.badCount", "vertices"),
                Arguments.of("OFF\n2000000000 1 0\n0 0 0\n", "mesh.badCount", "10,000,000"),
                Arguments.of("OFF\n9000000 9000000 0\n0 0 0\n", "mesh.countsTooLarge", "cannot fit"),
                Arguments.of("PLY\n3 1 0\n", "mesh.notOff", "not \"PLY\""),
                Arguments.of("OFF\n0 0 0\n", "mesh.noTriangles", "no triangles"),
                Arguments.of("OFF\n3 1 0\n0 0 0\n1 0 0\n1 1 0\n3 0 1 x\n", "mesh.notInteger", "\"x\""),
                Arguments.of("OFF\u0000\u0001\u0002binary", "mesh.binaryJunk", "binary data"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsNamedWithItsLine(String text, String key, String says) {
        DataException e = assertThrows(DataException.class, () -> off(text));
        assertEquals(key, e.problem().key(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.off"), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void emptyMissingAndUnknownFiles(@TempDir Path dir) throws Exception {
        assertEquals(
                "data.empty",
                assertThrows(DataException.class, () -> MeshFiles.read(Files.write(dir.resolve("e.off"), new byte[0])))
                        .problem()
                        .key());
        assertEquals(
                "mesh.notFile",
                assertThrows(DataException.class, () -> MeshFiles.read(dir.resolve("none.off")))
                        .problem()
                        .key());
        assertEquals(
                "mesh.unknownFormat",
                assertThrows(DataException.class, () -> MeshFiles.read(Files.writeString(dir.resolve("x.ply"), "ply")))
                        .problem()
                        .key());
        assertEquals(
                "mesh.badIndex",
                assertThrows(
                                DataException.class,
                                () -> MeshFiles.parse(
                                        "v 0 0 0\nf 1 2 3\n".getBytes(StandardCharsets.US_ASCII), "obj", "o.obj"))
                        .problem()
                        .key());
        assertEquals(
                "mesh.truncated",
                assertThrows(
                                DataException.class,
                                () -> MeshFiles.parse(
                                        "solid s\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\n"
                                                .getBytes(StandardCharsets.US_ASCII),
                                        "stl",
                                        "s.stl"))
                        .problem()
                        .key());
    }

    static String key(String text, String format) {
        return assertThrows(
                        DataException.class,
                        () -> MeshFiles.parse(text.getBytes(StandardCharsets.US_ASCII), format, "t." + format))
                .problem()
                .key();
    }

    @Test
    void anOffHeaderIsBelievedAsFarAsTheFileCanHoldIt() throws DataException {
        // each vertex needs at least 6 characters and each face 8; counts needing over a million that the file cannot
        // hold are refused before allocating, smaller ones are read until the file ends
        assertEquals("mesh.countsTooLarge", key("OFF\n166667 0 0\n", "off"), "6 × 166,667 > 1,000,000");
        assertEquals("mesh.truncated", key("OFF\n166666 0 0\n", "off"));
        assertEquals("mesh.countsTooLarge", key("OFF\n0 125001 0\n", "off"), "8 × 125,001 > 1,000,000");
        assertEquals("mesh.countsTooLarge", key("OFF\n100000 100000 0\n", "off"), "600,000 + 800,000");
        assertEquals("mesh.truncated", key("OFF\n166664 2 0\n", "off"), "exactly 1,000,000 is read");
        StringBuilder big = new StringBuilder("OFF\n200000 1 0\n");
        big.append("0 0 0\n".repeat(199_997)).append("1 0 0\n0 1 0\n0 0 7\n3 0 1 2\n");
        Mesh m = off(big.toString()); // 1.2 million characters, one more than its counts need: read
        assertEquals(200_000, m.vertexCount());
        assertArrayEquals(new int[] {0, 1, 2}, m.triangles());
        assertEquals(7f, m.vertices()[3 * 199_999 + 2]);
    }

    @Test
    void theEdgesOfEachFormat() throws DataException {
        Mesh coloured = off("OFF\n4 2 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n3 0 1 2 255 0 0\n3 0 2 3 0 255 0\n");
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, coloured.triangles(), "each face's colour skipped");
        Mesh decimals = off("OFF\n4 2 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n3 0 1 2 .7 0 0\n3 0 2 3 0.2 0.5 0.1 1.0");
        assertArrayEquals(
                new int[] {0, 1, 2, 0, 2, 3}, decimals.triangles(), "colours as decimals, as CGAL writes them");
        assertEquals("mesh.badIndex", key("OFF\n3 1 0\n0 0 0\n1 0 0\n1 1 0\n3 0 1 3\n", "off"), "indices 0..2");
        String tri = "# a triangle\nv 0 0 0\nv 1 0 0\nv 0 1 0\n";
        DataException past = assertThrows(
                DataException.class,
                () -> MeshFiles.parse((tri + "f 1 2 4\n").getBytes(StandardCharsets.US_ASCII), "obj", "t.obj"));
        assertEquals("mesh.badIndex", past.problem().key());
        assertTrue(past.getMessage().contains("line 5"), past.getMessage());
        assertEquals("mesh.badIndex", key(tri + "f 1 2 0\n", "obj"), "OBJ counts from 1");
        assertEquals("mesh.badIndex", key(tri + "f -4 1 2\n", "obj"), "3 vertices back at most");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) many.append("v ").append(i).append(" 0 0\n");
        Mesh grown = MeshFiles.parse(
                many.append("f 1 2 2000\n").toString().getBytes(StandardCharsets.US_ASCII), "obj", "t.obj");
        assertEquals(2000, grown.vertexCount());
        assertEquals(1999f, grown.vertices()[3 * 1999]);
        String facet = "facet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 1 1 0\nendloop\nendfacet\n";
        Mesh two = MeshFiles.parse(
                ("solid s\n" + facet + facet + "endsolid s\n").getBytes(StandardCharsets.US_ASCII), "stl", "t.stl");
        assertEquals(2, two.faces());
        assertEquals(2, two.triangleCount());
    }

    @Test
    void binaryStlTrianglesAreReadEachFromItsOwnRecord() throws DataException {
        ByteBuffer b = ByteBuffer.allocate(84 + 2 * 50).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(2);
        for (int t = 0; t < 2; t++) {
            for (int k = 0; k < 3; k++) b.putFloat(0); // the normal, ignored
            for (int k = 0; k < 9; k++) b.putFloat(10 * t + k);
            b.putShort((short) 0); // the attribute
        }
        Mesh m = MeshFiles.parse(b.array(), "stl", "t.stl");
        assertEquals(2, m.triangleCount());
        for (int k = 0; k < 18; k++) assertEquals(k < 9 ? k : 10 + k - 9, m.vertices()[k], 0f, "value " + k);
        assertEquals(
                "mesh.noTriangles",
                assertThrows(DataException.class, () -> MeshFiles.parse(new byte[84], "stl", "t.stl"))
                        .problem()
                        .key(),
                "84 bytes: a binary file of no triangles, not text");
    }
}
