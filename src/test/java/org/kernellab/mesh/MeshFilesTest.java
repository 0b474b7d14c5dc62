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
}
