package org.kernellab.model;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;

/**
 * Reads the pickle {@code torch.save(model.state_dict(), …)} writes, and nothing else: it runs no code. Each global it
 * names must be one of a few exact (module, name) pairs, and REDUCE applies only those: an {@code OrderedDict}, a
 * tensor rebuilt from a storage, a parameter wrapping a tensor. A whole pickled module ({@code torch.save(model)}) and
 * every other global ({@code os.system}, {@code builtins.eval}) are refused, by name.
 */
final class Pickle {
    /** A global the pickle names. */
    record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /** A storage, as its persistent id names it: ('storage', type, key, location, elements). */
    record Storage(Global type, String key, long elements) {}
    /** A tensor as {@code _rebuild_tensor_v2} gives it: a view of a storage. */
    record TensorRef(Storage storage, long offset, long[] size, long[] stride) {}

    static final Global ORDERED_DICT = new Global("collections", "OrderedDict"),
            REBUILD_TENSOR = new Global("torch._utils", "_rebuild_tensor_v2"),
            REBUILD_PARAMETER = new Global("torch._utils", "_rebuild_parameter"),
            PARAMETER = new Global("torch.nn.parameter", "Parameter"),
            FLOAT = new Global("torch", "FloatStorage"),
            DOUBLE = new Global("torch", "DoubleStorage"),
            LONG = new Global("torch", "LongStorage");
    private static final Set<Global> ALLOWED =
            Set.of(ORDERED_DICT, REBUILD_TENSOR, REBUILD_PARAMETER, PARAMETER, FLOAT, DOUBLE, LONG);
    /** Far beyond a state dict's few hundred objects, far below what would exhaust memory. */
    private static final int MAX_OBJECTS = 1 << 20;

    private static final Object MARK = new Object();

    private final String source;
    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private Pickle(String source, byte[] bytes) {
        this.source = source;
        this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The state dict a pickle holds: names to tensors, in the file's order. */
    static Map<String, TensorRef> stateDict(String source, byte[] bytes) throws DataException {
        Pickle p = new Pickle(source, bytes);
        try {
            Object top = p.run();
            if (!(top instanceof Map<?, ?> m)) throw p.bad("not a state dict");
            Map<String, TensorRef> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof TensorRef t))
                    throw p.bad("entry " + e.getKey() + " is not a named tensor");
                out.put(k, t);
            }
            return out;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | ClassCastException e) {
            throw p.bad("it ends too early or is damaged at byte " + p.in.position());
        }
    }

    private Object run() throws DataException {
        while (true) {
            int op = in.get() & 0xFF;
            if (op == '.') return pop(); // STOP
            if (!value(op) && !container(op) && !object(op))
                throw bad(String.format("it holds the instruction 0x%02x at byte %d", op, in.position() - 1));
            if (stack.size() > MAX_OBJECTS || memo.size() > MAX_OBJECTS) throw bad("it holds too many objects");
        }
    }

    /** The opcodes that push a plain value, or say nothing a reader needs (PROTO, FRAME); false for any other. */
    private boolean value(int op) throws DataException {
        switch (op) {
            case 0x80 -> in.get();
            case 0x95 -> in.getLong();
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'K' -> push((long) (in.get() & 0xFF));
            case 'M' -> push((long) (in.getShort() & 0xFFFF));
            case 'J' -> push((long) in.getInt());
            case 0x8a -> push(long1());
            case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong())));
            case 'X' -> push(text(in.getInt()));
            case 0x8c -> push(text(in.get() & 0xFF));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The opcodes that build tuples, lists and dicts; false for any other. */
    private boolean container(int op) throws DataException {
        switch (op) {
            case '(' -> {
                marks.push(stack.size());
                push(MARK);
            }
            case ')' -> push(tuple());
            case 't' -> push(tuple(popMark().toArray()));
            case 0x85, 0x86, 0x87 -> {
                Object[] items = new Object[op - 0x84];
                for (int i = items.length - 1; i >= 0; i--) items[i] = pop();
                push(tuple(items));
            }
            case '}' -> push(new LinkedHashMap<>());
            case ']' -> push(new ArrayList<>());
            case 's' -> {
                Object v = pop(), k = pop();
                map(peek()).put(k, v);
            }
            case 'u' -> {
                List<Object> kv = popMark();
                Map<Object, Object> m = map(peek());
                for (int i = 0; i + 1 < kv.size(); i += 2) m.put(kv.get(i), kv.get(i + 1));
            }
            case 'a', 'e' -> {
                List<Object> items = op == 'a' ? tuple(pop()) : popMark();
                list(peek()).addAll(items);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The opcodes that name, call, store and fetch objects; false for any other. */
    private boolean object(int op) throws DataException {
        switch (op) {
            case 'q' -> memo.put((long) (in.get() & 0xFF), peek());
            case 'r' -> memo.put(in.getInt() & 0xFFFFFFFFL, peek());
            case 0x94 -> memo.put((long) memo.size(), peek());
            case 'h' -> push(get(in.get() & 0xFF));
            case 'j' -> push(get(in.getInt() & 0xFFFFFFFFL));
            case 'c' -> push(global(line(), line()));
            case 0x93 -> {
                Object name = pop(), module = pop();
                push(global(String.valueOf(module), String.valueOf(name)));
            }
            case 'Q' -> push(storage(pop()));
            case 'R' -> {
                Object args = pop(), f = pop();
                push(reduce(f, (List<?>) args));
            }
            case 'b' -> {
                Object state = pop();
                // an OrderedDict's attributes (the state dict's _metadata of module versions): not needed
                if (!(peek() instanceof Map<?, ?>) || !(state instanceof Map<?, ?>))
                    throw bad("it sets the state of an object a state dict does not hold");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Global global(String module, String name) throws DataException {
        Global g = new Global(module, name);
        if (ALLOWED.contains(g)) return g;
        if (module.equals("__main__")
                || module.startsWith("torch.nn.modules")
                || module.startsWith("torchvision.models")) throw new DataException("model.pickledModule", source, g);
        throw new DataException("model.pickleGlobal", source, g);
    }

    private Storage storage(Object id) throws DataException {
        if (id instanceof List<?> t
                && t.size() == 5
                && "storage".equals(t.get(0))
                && t.get(1) instanceof Global type
                && (type.equals(FLOAT) || type.equals(DOUBLE) || type.equals(LONG))
                && t.get(2) instanceof String key
                && t.get(4) instanceof Long n
                && n >= 0) return new Storage(type, key, n);
        throw bad("a persistent id that is not a storage: " + id);
    }

    private Object reduce(Object f, List<?> args) throws DataException {
        if (ORDERED_DICT.equals(f)) {
            if (!args.isEmpty()) throw bad("an OrderedDict made from arguments");
            return new LinkedHashMap<>();
        }
        if (REBUILD_TENSOR.equals(f)) {
            if (args.size() < 4 || !(args.get(0) instanceof Storage s) || !(args.get(1) instanceof Long offset))
                throw bad("a tensor without its storage");
            return new TensorRef(s, offset, longs(args.get(2)), longs(args.get(3)));
        }
        if ((REBUILD_PARAMETER.equals(f) || PARAMETER.equals(f))
                && !args.isEmpty()
                && args.get(0) instanceof TensorRef t) return t;
        throw bad("it calls " + f + " with " + args.size() + " arguments");
    }

    private long[] longs(Object tuple) throws DataException {
        if (!(tuple instanceof List<?> l) || l.size() > 8) throw bad("a tensor's sizes are not a short tuple");
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long v) || v < 0)
                throw bad("a tensor's size or stride is not a whole number ≥ 0");
            out[i] = v;
        }
        return out;
    }

    private long long1() throws DataException {
        int n = in.get() & 0xFF;
        if (n > 8) throw bad("a number of " + n + " bytes");
        long v = 0;
        for (int i = 0; i < n; i++) v |= (long) (in.get() & 0xFF) << (8 * i);
        if (n > 0 && n < 8 && (v >> (8 * n - 1) & 1) == 1) v -= 1L << (8 * n); // two's complement
        return v;
    }

    private String text(int length) throws DataException {
        if (length < 0 || length > in.remaining()) throw bad("a string longer than the file");
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private String line() throws DataException {
        int start = in.position();
        while (in.get() != '\n') if (in.position() - start > 256) throw bad("a global's name too long");
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.UTF_8);
    }

    private Object get(long key) throws DataException {
        if (!memo.containsKey(key)) throw bad("it refers to object " + key + ", never stored");
        return memo.get(key);
    }

    /** A tuple: a list that APPEND refuses (it takes lists only) and that may hold None. */
    private static List<Object> tuple(Object... items) {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() throws DataException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) throw bad("its stack runs out");
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws DataException {
        return stack.get(stack.size() - 1); // an empty stack's IndexOutOfBoundsException is a damaged pickle
    }

    private List<Object> popMark() throws DataException {
        if (marks.isEmpty()) throw bad("it closes a group it never opened");
        int at = marks.pop();
        List<Object> top = new ArrayList<>(stack.subList(at + 1, stack.size()));
        stack.subList(at, stack.size()).clear();
        return top;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> map(Object o) throws DataException {
        if (!(o instanceof LinkedHashMap<?, ?>)) throw bad("it adds an item to something that is not a dict");
        return (Map<Object, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) throws DataException {
        if (!(o instanceof ArrayList<?>)) throw bad("it appends to something that is not a list");
        return (List<Object>) o;
    }

    private DataException bad(String why) {
        return new DataException("model.badPickle", source, why);
    }
}
