package org.kernellab.mesh;

/**
 * A triangle mesh: vertex coordinates (x, y, z for each vertex, one after the other) and triangles (three vertex
 * indices each). {@code faces} is the number of faces as the file wrote them, before polygons were split into triangles.
 */
public record Mesh(float[] vertices, int[] triangles, int faces) {
    public int vertexCount() {
        return vertices.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    /** The smallest box holding every vertex: {min x, min y, min z, max x, max y, max z}. */
    public float[] bounds() {
        float[] b = {
            Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE
        };
        for (int i = 0; i < vertices.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], vertices[i + a]);
                b[a + 3] = Math.max(b[a + 3], vertices[i + a]);
            }
        }
        return b;
    }

    /** The area of triangle t. */
    public double area(int t) {
        int a = 3 * triangles[3 * t], b = 3 * triangles[3 * t + 1], c = 3 * triangles[3 * t + 2];
        double ux = vertices[b] - vertices[a],
                uy = vertices[b + 1] - vertices[a + 1],
                uz = vertices[b + 2] - vertices[a + 2];
        double vx = vertices[c] - vertices[a],
                vy = vertices[c + 1] - vertices[a + 1],
                vz = vertices[c + 2] - vertices[a + 2];
        double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
        return 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
    }
}
