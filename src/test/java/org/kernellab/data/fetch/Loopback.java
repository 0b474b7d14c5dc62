package org.kernellab.data.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * An HTTP server on the loopback address for download tests: files served whole or by range, and the misbehaviours a
 * real network shows (a cut, a stall, a web page, redirects). Records each request's path and range.
 */
public final class Loopback implements AutoCloseable {
    /** What a path answers. */
    public interface Answer {
        void answer(HttpExchange x) throws IOException;
    }

    public record Request(String path, String range) {}

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released when the test ends: a stalled answer waits on it. */
    final CountDownLatch end = new CountDownLatch(1);

    private final HttpServer server;

    public Loopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers {@code path} (and what lies under it) so, in place of any earlier answer. */
    public void on(String path, Answer a) {
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException none) {
            // the first answer for this path
        }
        server.createContext(path, x -> {
            requests.add(new Request(
                    x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("Range")));
            try (x) {
                a.answer(x);
            }
        });
    }

    /** Serves the bytes, honouring a range request from an offset as a server that resumes does. */
    public void file(String path, byte[] body, String type) {
        on(path, x -> {
            String range = x.getRequestHeaders().getFirst("Range");
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            x.getResponseHeaders().add("Content-Type", type);
            if (from >= body.length && from > 0) {
                x.sendResponseHeaders(416, -1);
                return;
            }
            if (from > 0)
                x.getResponseHeaders()
                        .add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            x.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body, from, body.length - from);
            }
        });
    }

    /** Promises the whole file, sends its first {@code cut} bytes and closes the connection. */
    static void cut(HttpExchange x, byte[] body, int cut) throws IOException {
        x.sendResponseHeaders(200, body.length);
        OutputStream out = x.getResponseBody();
        out.write(body, 0, cut);
        out.flush();
        x.close(); // mid-body: the connection ends short of the promised length
    }

    void redirect(String path, String to) {
        on(path, x -> {
            x.getResponseHeaders().add("Location", to);
            x.sendResponseHeaders(302, -1);
        });
    }

    /** Sends the headers and a few bytes, then nothing until the test ends. */
    void stall(String path, byte[] body) {
        on(path, x -> {
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body, 0, 10);
            x.getResponseBody().flush();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    @Override
    public void close() {
        end.countDown();
        server.stop(0);
    }
}
