package org.kernellab.data.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.kernellab.data.DataException;

/**
 * One file over HTTP into a partial file, as a careful download manager fetches it: a dropped connection is taken up
 * again where it stopped (a range request) a few times with a growing pause, and a partial file left by an earlier run
 * is continued; redirects are followed by hand (across http and https, a loop refused); a web page sent instead of the
 * file, a length other than the expected one and a stalled transfer are refused and the partial file deleted. A lost
 * network or a cancel keeps it for the next try.
 */
final class Download {
    private static final int MAX_REDIRECTS = 8, BUFFER = 1 << 16;

    private final Fetcher.Settings settings;
    private final Fetcher.Listener listener;

    Download(Fetcher.Settings settings, Fetcher.Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** Fetches {@code url} into {@code part}; {@code expected} is the file's length where known, else −1. */
    void fetch(URI url, Path part, String name, long expected) throws DataException {
        // bytes an earlier try left are the student's time: a server that answers badly now says nothing against them
        // (they are verified with the rest at the end); only what this call started from nothing is thrown away
        boolean earlier = Files.isRegularFile(part);
        DataException last = null;
        for (int attempt = 0; attempt < settings.attempts(); attempt++) {
            if (listener.cancelled()) throw new DataException("fetch.cancelled", name);
            if (attempt > 0) pause(attempt, name);
            try {
                transfer(url, part, name, expected);
                return;
            } catch (SocketTimeoutException e) {
                last = connecting(e)
                        ? new DataException("fetch.noNetwork", url.getHost(), DataException.why(e)).causedBy(e)
                        : new DataException(
                                        "fetch.stalled", name, settings.stall().toSeconds())
                                .causedBy(e);
            } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
                last = new DataException("fetch.noNetwork", url.getHost(), DataException.why(e)).causedBy(e);
            } catch (IOException e) {
                last = new DataException("fetch.dropped", name, DataException.why(e)).causedBy(e);
            } catch (DataException e) {
                if (!"fetch.cancelled".equals(e.problem().key()) && !earlier) delete(part);
                throw e;
            }
        }
        if ("fetch.stalled".equals(last.problem().key()) && !earlier) delete(part);
        throw last;
    }

    /** A timeout while connecting (no answer at all: the network), not while the bytes come (a stall). */
    private static boolean connecting(SocketTimeoutException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    /** Waits before another try, longer each time; a cancel ends the wait. */
    private void pause(int attempt, String name) throws DataException {
        long until = System.nanoTime() + (settings.backoff().toNanos() << (attempt - 1));
        try {
            while (System.nanoTime() < until) {
                if (listener.cancelled()) throw new DataException("fetch.cancelled", name);
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("fetch.cancelled", name);
        }
    }

    private void transfer(URI url, Path part, String name, long expected) throws IOException, DataException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (expected >= 0 && have > expected) have = 0;
        HttpURLConnection c = open(url, have, name);
        try {
            int status = c.getResponseCode();
            if (status == 416 && have > 0) return; // nothing after the end: the partial file is whole
            if (status >= 500) throw new IOException("HTTP " + status);
            if (status == 404 || status == 410) throw new DataException("fetch.notFound", name, c.getURL(), status);
            if (status != 200 && status != 206) throw new DataException("fetch.httpError", name, c.getURL(), status);
            String type = c.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html"))
                throw new DataException("fetch.webPage", name);
            boolean resumed = status == 206 && have > 0 && startsAt(c.getHeaderField("Content-Range"), have);
            if (!resumed) have = 0;
            long length = c.getContentLengthLong(), total = length < 0 ? -1 : have + length;
            if (expected >= 0 && total >= 0 && total != expected)
                throw new DataException("fetch.wrongLength", name, total, expected);
            long got = copy(c.getInputStream(), part, resumed, have, total, name);
            // fewer bytes than promised or published: the connection ended early, and the next try resumes
            if (total >= 0 && got < total || expected >= 0 && got < expected)
                throw new IOException("the connection closed after " + got + " bytes");
            if (expected >= 0 && got > expected) throw new DataException("fetch.wrongLength", name, got, expected);
        } finally {
            c.disconnect();
        }
    }

    /** The connection to the file's final address, asking for what follows the {@code have} bytes already here. */
    private HttpURLConnection open(URI url, long have, String name) throws IOException, DataException {
        Set<URI> seen = new HashSet<>();
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!seen.add(at)) throw new DataException("fetch.redirectLoop", name, at);
            HttpURLConnection c = (HttpURLConnection) at.toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) settings.connect().toMillis());
            c.setReadTimeout((int) settings.stall().toMillis());
            c.setRequestProperty("User-Agent", "KernelLab");
            c.setRequestProperty("Accept-Encoding", "identity");
            if (have > 0) c.setRequestProperty("Range", "bytes=" + have + "-");
            int status = c.getResponseCode();
            String location = c.getHeaderField("Location");
            if (status / 100 != 3 || location == null) return c;
            c.disconnect();
            at = at.resolve(location);
        }
        throw new DataException("fetch.redirectLoop", name, at);
    }

    private static boolean startsAt(String contentRange, long have) {
        return contentRange != null && contentRange.trim().startsWith("bytes " + have + "-");
    }

    /** Appends the body to the partial file (or starts it anew), telling the listener how far it is. */
    private long copy(InputStream in, Path part, boolean append, long have, long total, String name)
            throws IOException, DataException {
        Files.createDirectories(part.getParent());
        long done = have, start = System.nanoTime(), told = 0;
        byte[] buf = new byte[BUFFER];
        try (in;
                OutputStream out = Files.newOutputStream(
                        part,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            boolean first = done == 0;
            for (int r; (r = in.read(buf)) > 0; ) {
                if (first && looksLikeWebPage(buf, r)) throw new DataException("fetch.webPage", name);
                first = false;
                out.write(buf, 0, r);
                done += r;
                if (listener.cancelled()) throw new DataException("fetch.cancelled", name);
                long now = System.nanoTime();
                if (now - told > 200_000_000L) {
                    told = now;
                    listener.progress(progress(name, done, have, total, start, now));
                }
            }
        }
        listener.progress(progress(name, done, have, total, start, System.nanoTime()));
        return done;
    }

    private static Fetcher.Progress progress(String name, long done, long have, long total, long start, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9), speed = (done - have) / seconds;
        double left = total < 0 || speed <= 0 ? -1 : (total - done) / speed;
        return new Fetcher.Progress(name, done, total, speed, left);
    }

    /** Data files start with binary headers; a page a proxy or a login portal sends starts with markup. */
    static boolean looksLikeWebPage(byte[] b, int n) {
        String head = new String(b, 0, Math.min(n, 64), StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml");
    }

    static void delete(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // a partial file that cannot be removed is never used: it is not verified
        }
    }
}
