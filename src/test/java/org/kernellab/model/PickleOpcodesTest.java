package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kernellab.data.DataException;

/**
 * The pickle opcodes a state dict may be written with, each read as Python's pickle module defines it: the integers
 * (BININT1, BININT2, BININT, LONG1 in two's complement), the strings, the tuples, protocol 4's frames and memo. A
 * tensor's storage size, offset, sizes and strides carry the numbers, so each is seen where the net would read it.
 */
class PickleOpcodesTest {
    /** A state dict of one tensor "w" whose numbers are given as opcodes. */
    static byte[] stateDict(int[] elements, int[] offset, int[] size, int[] stride) {
        PickleBytes p = new PickleBytes()
                .op(0x80, 2)
                .global("collections", "OrderedDict")
                .op(')', 'R', '(');
        p.text("w").global("torch._utils", "_rebuild_tensor_v2").op('(', '(').text("storage");
        p.global("torch", "FloatStorage")
                .text("0")
                .text("cpu")
                .op(elements)
                .op('t', 'Q')
                .op(offset);
        p.op('(').op(size).op('t', '(').op(stride).op('t', 0x89);
        return p.global("collections", "OrderedDict")
                .op(')', 'R', 't', 'R', 'u', '.')
                .bytes();
    }

    static Pickle.TensorRef read(byte[] pickle) throws DataException {
        Map<String, Pickle.TensorRef> d = Pickle.stateDict("test.pt", pickle);
        assertEquals(1, d.size());
        return d.get("w");
    }

    @Test
    void integersReadAsPythonReadsThem() throws DataException {
        Pickle.TensorRef t = read(stateDict(
                new int[] {0x8a, 3, 0x70, 0x11, 0x01}, // LONG1 of 3 bytes: 0x011170
                new int[] {'M', 0x34, 0x12}, // BININT2: 0x1234
                new int[] {'K', 7, 'J', 0x70, 0x11, 0x01, 0x00, 0x8a, 1, 0x7f}, // BININT1, BININT, LONG1 of 1 byte
                new int[] {0x8a, 0, 'K', 1, 'K', 255}));
        assertEquals(70000, t.storage().elements());
        assertEquals(4660, t.offset());
        assertArrayEquals(new long[] {7, 70000, 127}, t.size());
        assertArrayEquals(new long[] {0, 1, 255}, t.stride());
        t = read(stateDict(
                new int[] {0x8a, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, // 8 bytes: no sign to extend
                new int[] {0x8a, 2, 0xff, 0x7f},
                new int[] {0x8a, 4, 0, 0, 0, 0x40},
                new int[] {0x8a, 7, 0, 0, 0, 0, 0, 0, 0x01}));
        assertEquals(Long.MAX_VALUE, t.storage().elements());
        assertEquals(32767, t.offset());
        assertArrayEquals(new long[] {1L << 30}, t.size());
        assertArrayEquals(new long[] {1L << 48}, t.stride());
    }

    /** LONG1's last byte carries the sign: 0x80 of one byte is −128, 0x8000 of two −32768; a size below 0 is refused. */
    @Test
    void negativeNumbersAreReadAsSuchAndRefusedAsSizes() {
        int[][] negatives = {
            {0x8a, 1, 0x80}, {0x8a, 2, 0x00, 0x80}, {0x8a, 3, 0xff, 0xff, 0xff}, {'J', 0xff, 0xff, 0xff, 0xff}
        };
        for (int[] n : negatives) {
            DataException e = assertThrows(
                    DataException.class,
                    () -> read(stateDict(new int[] {'K', 4}, new int[] {'K', 0}, n, new int[] {'K', 1})));
            assertTrue(String.valueOf(e.problem().args().get(1)).contains("≥ 0"), e.getMessage());
        }
        DataException nine = assertThrows(
                DataException.class,
                () -> read(stateDict(
                        new int[] {0x8a, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0},
                        new int[] {'K', 0},
                        new int[] {'K', 1},
                        new int[] {'K', 1})));
        assertEquals("a number of 9 bytes", nine.problem().args().get(1));
        DataException storage = assertThrows(
                DataException.class,
                () -> read(stateDict(
                        new int[] {0x8a, 1, 0xff}, new int[] {'K', 0}, new int[] {'K', 1}, new int[] {'K', 1})));
        assertTrue(String.valueOf(storage.problem().args().get(1)).startsWith("a persistent id that is not a storage"));
        assertEquals(4, negatives.length);
    }

    /**
     * Protocol 4 as torch.save writes with {@code pickle_protocol=4}: a FRAME, SHORT_BINUNICODE names, MEMOIZE and BINGET
     * for a global used twice, TUPLE1 and TUPLE2 for the sizes, EMPTY_TUPLE, LONG_BINPUT and LONG_BINGET.
     */
    @Test
    void protocolFourFramesMemoAndShortFormsRead() throws DataException {
        PickleBytes p = new PickleBytes().op(0x80, 4, 0x95, 0, 1, 0, 0, 0, 0, 0, 0);
        p.global("collections", "OrderedDict").op(0x94, ')', 'R', '('); // memo 0: OrderedDict
        for (String name : new String[] {"a", "b"}) {
            p.op(0x8c, 1, name.charAt(0))
                    .global("torch._utils", "_rebuild_tensor_v2")
                    .op('(', '(');
            p.op(0x8c, 7).op("storage".chars().toArray()).global("torch", "FloatStorage");
            p.op(0x8c, 1, name.charAt(0)).op(0x8c, 3, 'c', 'p', 'u', 'K', 6, 't', 'Q', 'K', 0);
            p.op(
                    name.equals("a")
                            ? new int[] {'K', 2, 'K', 3, 0x86, 'K', 3, 'K', 1, 0x86}
                            : new int[] {'K', 6, 0x85, 'K', 1, 0x85});
            p.op(0x89, 'r', 9, 0, 0, 0); // LONG_BINPUT 9 of False
            // the OrderedDict global again from memo 0: BINGET, then LONG_BINGET
            p.op(name.equals("a") ? new int[] {'h', 0} : new int[] {'j', 0, 0, 0, 0})
                    .op(')', 'R', 't', 'R');
        }
        Map<String, Pickle.TensorRef> d =
                Pickle.stateDict("test.pt", p.op('u', '.').bytes());
        assertArrayEquals(new long[] {2, 3}, d.get("a").size());
        assertArrayEquals(new long[] {3, 1}, d.get("a").stride());
        assertArrayEquals(new long[] {6}, d.get("b").size());
        assertEquals("b", d.get("b").storage().key());
        assertEquals(6, d.get("b").storage().elements());
    }
}
