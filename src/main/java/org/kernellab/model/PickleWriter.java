package org.kernellab.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Pickle opcodes written one by one, as pickletools lists the pickles of {@code torch.save}; {@link Pickle} reads them. */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Opcodes (or any bytes) as they are. */
    PickleWriter op(int... codes) {
        for (int c : codes) out.write(c);
        return this;
    }

    /** GLOBAL: a module and a name, each ended by a newline. */
    PickleWriter global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** BINUNICODE: a string of UTF-8 bytes after its 4-byte length. */
    PickleWriter text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(b.length)
                .array());
        out.writeBytes(b);
        return this;
    }

    /** BININT: a signed 32-bit number. */
    PickleWriter integer(int v) {
        out.write('J');
        out.writeBytes(
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        return this;
    }

    /** LONG1: a number beyond BININT's 32 bits, in 8 bytes. */
    PickleWriter big(long v) {
        out.write(0x8a);
        out.write(8);
        out.writeBytes(
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
