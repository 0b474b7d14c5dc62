package org.kernellab.data.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.DataException;
import org.kernellab.data.FashionMnist;

/** Downloads from a server on the loopback address: whole, resumed, cancelled, and refused for each way a server fails. */
class FetcherTest {
    /** Short waits so that a stall or a lost network ends the test quickly; three tries with 1 ms pauses. */
    static final Fetcher.Settings QUICK =
            new Fetcher.Settings(Duration.ofSeconds(2), Duration.ofMillis(300), 3, Duration.ofMillis(1));

    @TempDir
    Path tmp;

    Loopback server;
    List<byte[]> files;
    RemoteSet set;
    final List<Fetcher.Progress> told = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = new Loopback();
        files = Sets.fashion(12, 5, 7);
        set = Sets.fashionSet(server.uri("/fm/"), files);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveAll() {
        for (int i = 0; i < 4; i++) server.file("/fm/" + Sets.FASHION[i], files.get(i), "application/gzip");
    }

    private Fetcher.Result fetch(Path dir) throws DataException {
        return Fetcher.fetch(set, dir, QUICK, told::add);
    }

    /** The folder's regular files, by name: what a later reader could pick up. */
    private static List<String> left(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWholeSetArrivesVerifiedAndReadsAsTrainData() throws Exception {
        serveAll();
        Path dir = tmp.resolve("fm");
        Fetcher.Result r = fetch(dir);
        assertFalse(r.alreadyThere());
        assertEquals(List.of(Sets.FASHION).stream().sorted().toList(), left(dir));
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        assertEquals(bytes, r.downloaded());
        for (int i = 0; i < 4; i++) assertArrayEquals(files.get(i), Files.readAllBytes(dir.resolve(Sets.FASHION[i])));
        FashionMnist.Loaded loaded = FashionMnist.load(dir);
        assertEquals(12, loaded.train().size());
        assertEquals(5, loaded.test().size());
        Fetcher.Progress last = told.get(told.size() - 1);
        assertEquals(last.total(), last.bytes(), "the last report of a file is its whole length");

        Fetcher.Result again = fetch(dir);
        assertTrue(again.alreadyThere(), "a whole, verified set is not fetched twice");
        assertEquals(4, server.requests.size());
    }

    @Test
    void aCutConnectionIsTakenUpWhereItStopped() throws Exception {
        byte[] images = files.get(0);
        int cut = images.length / 3;
        int[] calls = {0};
        server.on("/fm/" + Sets.FASHION[0], x -> {
            if (calls[0]++ == 0) Loopback.cut(x, images, cut);
            else resume(x, images);
        });
        for (int i = 1; i < 4; i++) server.file("/fm/" + Sets.FASHION[i], files.get(i), "application/gzip");
        fetch(tmp);
        List<Loopback.Request> asked = server.requests.stream()
                .filter(q -> q.path().endsWith(Sets.FASHION[0]))
                .toList();
        assertEquals(2, asked.size());
        assertEquals("bytes=" + cut + "-", asked.get(1).range(), "the second request asks for the rest only");
        assertArrayEquals(images, Files.readAllBytes(tmp.resolve(Sets.FASHION[0])));
    }

    private static void resume(HttpExchange x, byte[] body) throws IOException {
        String range = x.getRequestHeaders().getFirst("Range");
        int from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        x.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        x.sendResponseHeaders(206, body.length - from);
        x.getResponseBody().write(body, from, body.length - from);
    }

    @Test
    void aPartialFileLeftByAClosedAppIsContinued() throws Exception {
        serveAll();
        byte[] images = files.get(0);
        int had = images.length / 2;
        Files.write(tmp.resolve(Sets.FASHION[0] + ".part"), Arrays.copyOf(images, had));
        Fetcher.Result r = fetch(tmp);
        assertEquals("bytes=" + had + "-", server.requests.get(0).range());
        assertEquals(files.stream().mapToLong(b -> b.length).sum() - had, r.downloaded());
        assertArrayEquals(images, Files.readAllBytes(tmp.resolve(Sets.FASHION[0])));
    }

    @Test
    void aServerThatIgnoresRangesSendsTheWholeFileAgain() throws Exception {
        byte[] images = files.get(0);
        server.on("/fm/" + Sets.FASHION[0], x -> {
            x.sendResponseHeaders(200, images.length);
            x.getResponseBody().write(images);
        });
        for (int i = 1; i < 4; i++) server.file("/fm/" + Sets.FASHION[i], files.get(i), "application/gzip");
        Files.write(tmp.resolve(Sets.FASHION[0] + ".part"), new byte[] {9, 9, 9});
        fetch(tmp);
        assertArrayEquals(images, Files.readAllBytes(tmp.resolve(Sets.FASHION[0])));
    }

    @Test
    void bytesAnEarlierTryLeftSurviveAWebPageOnResume() throws Exception {
        byte[] portal = "<html>Sign in to the hotel's Wi-Fi</html>".getBytes();
        server.on(
                "/fm/" + Sets.FASHION[0],
                x -> { // a login portal: any address, any range, the same page
                    x.getResponseHeaders().add("Content-Type", "text/html");
                    x.sendResponseHeaders(200, portal.length);
                    x.getResponseBody().write(portal);
                });
        byte[] had = Arrays.copyOf(files.get(0), 500);
        Files.write(tmp.resolve(Sets.FASHION[0] + ".part"), had);
        DataException e = assertThrows(DataException.class, () -> fetch(tmp));
        assertEquals("fetch.webPage", e.problem().key());
        assertArrayEquals(had, Files.readAllBytes(tmp.resolve(Sets.FASHION[0] + ".part")), "kept for the next try");
    }

    @Test
    void aBodyWithoutALengthThatEndsEarlyIsResumed() throws Exception {
        byte[] images = files.get(0);
        int[] calls = {0};
        server.on("/fm/" + Sets.FASHION[0], x -> {
            if (calls[0]++ > 0) {
                resume(x, images);
                return;
            }
            x.sendResponseHeaders(200, 0); // chunked: no length said
            x.getResponseBody().write(images, 0, images.length / 2);
        });
        for (int i = 1; i < 4; i++) server.file("/fm/" + Sets.FASHION[i], files.get(i), "application/gzip");
        RemoteSet.RemoteFile f = set.files().get(0);
        List<RemoteSet.RemoteFile> fs = new ArrayList<>(set.files());
        fs.set(0, new RemoteSet.RemoteFile(f.name(), images.length, f.algorithm(), f.digest(), f.contentLength()));
        set = new RemoteSet(set.name(), set.kind(), set.url(), fs, set.items());
        fetch(tmp);
        assertArrayEquals(
                images, Files.readAllBytes(tmp.resolve(Sets.FASHION[0])), "its published length told it was cut");
        assertEquals(
                "bytes=" + images.length / 2 + "-",
                server.requests.stream()
                        .filter(q -> q.range() != null)
                        .findFirst()
                        .orElseThrow()
                        .range());
    }

    @Test
    void aSecondFetchOfTheSameFolderIsToldItIsBusy() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        server.on("/fm/" + Sets.FASHION[0], x -> {
            asked.countDown();
            x.sendResponseHeaders(200, files.get(0).length);
            try {
                server.end.await(); // never finishes while the second fetch tries
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread first = new Thread(() -> {
            try {
                Fetcher.fetch(set, tmp.resolve("fm"), QUICK, p -> {});
            } catch (DataException expected) {
                // stalled, once the test is over
            }
        });
        first.start();
        asked.await();
        DataException e = assertThrows(DataException.class, () -> fetch(tmp.resolve("fm")));
        assertEquals("fetch.busy", e.problem().key());
        server.end.countDown();
        first.join();
    }

    @Test
    void aCancelStopsAndKeepsWhatArrivedForTheNextTry() throws Exception {
        serveAll();
        DataException e = assertThrows(
                DataException.class,
                () -> Fetcher.fetch(set, tmp, QUICK, new Fetcher.Listener() {
                    @Override
                    public void progress(Fetcher.Progress p) {}

                    @Override
                    public boolean cancelled() {
                        return !server.requests.isEmpty();
                    }
                }));
        assertEquals("fetch.cancelled", e.problem().key());
        assertEquals(List.of(Sets.FASHION[0] + ".part"), left(tmp));
        assertThrows(DataException.class, () -> FashionMnist.load(tmp), "a partial folder is never read as data");
    }

    @Test
    void aFileWithAnotherDigestIsRefusedAndNothingKept() throws Exception {
        List<byte[]> other = Sets.fashion(12, 5, 8);
        for (int i = 0; i < 4; i++) server.file("/fm/" + Sets.FASHION[i], (i == 2 ? other : files).get(i), "x/gzip");
        assertRefused("fetch.badDigest", tmp);
    }

    @Test
    void aWebPageInsteadOfTheFileIsRefused() throws Exception {
        server.file("/fm/" + Sets.FASHION[0], "<html><body>Sign in</body></html>".getBytes(), "text/html");
        assertRefused("fetch.webPage", tmp.resolve("a"));
        server.file("/fm2/" + Sets.FASHION[0], "<!DOCTYPE html><p>proxy</p>".getBytes(), "application/octet-stream");
        set = set.at(server.uri("/fm2/"));
        assertRefused("fetch.webPage", tmp.resolve("b"));
    }

    @Test
    void aMissingFileIsNamedWithoutRetrying() throws Exception {
        server.on("/fm/", x -> x.sendResponseHeaders(404, -1));
        assertRefused("fetch.notFound", tmp);
        assertEquals(1, server.requests.size(), "a 404 is an answer, not a network fault");
    }

    @Test
    void redirectsAreFollowedAndALoopIsRefused() throws Exception {
        serveAll();
        server.redirect("/moved/", "/fm/");
        for (String f : Sets.FASHION)
            server.redirect("/moved/" + f, server.uri("/fm/" + f).toString());
        set = set.at(server.uri("/moved/"));
        fetch(tmp.resolve("ok"));
        assertEquals(4, left(tmp.resolve("ok")).size());

        server.redirect("/a/", "/b/" + Sets.FASHION[0]);
        server.redirect("/b/", "/a/" + Sets.FASHION[0]);
        set = set.at(server.uri("/a/"));
        assertRefused("fetch.redirectLoop", tmp.resolve("loop"));
    }

    @Test
    void aStalledTransferIsGivenUpAfterItsTriesAndNothingKept() throws Exception {
        server.stall("/fm/" + Sets.FASHION[0], files.get(0));
        assertRefused("fetch.stalled", tmp);
        assertEquals(QUICK.attempts(), server.count("/fm/" + Sets.FASHION[0]));
    }

    @Test
    void aLengthOtherThanThePublishedOneIsRefused() throws Exception {
        serveAll();
        RemoteSet.RemoteFile f = set.files().get(0);
        List<RemoteSet.RemoteFile> fs = new ArrayList<>(set.files());
        fs.set(
                0,
                new RemoteSet.RemoteFile(
                        f.name(), files.get(0).length + 5, f.algorithm(), f.digest(), f.contentLength()));
        set = new RemoteSet(set.name(), set.kind(), set.url(), fs, set.items());
        assertRefused("fetch.wrongLength", tmp);
    }

    @Test
    void noNetworkIsOneClearMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        set = set.at(URI.create("http://127.0.0.1:" + port + "/fm/"));
        DataException e = assertRefused("fetch.noNetwork", tmp);
        assertTrue(e.problem().english().contains("127.0.0.1"), e.problem().english());
    }

    private DataException assertRefused(String key, Path dir) throws IOException {
        DataException e = assertThrows(DataException.class, () -> fetch(dir));
        assertEquals(key, e.problem().key(), e.problem().english());
        assertFalse(e.problem().english().isBlank());
        assertEquals(
                List.of(), left(dir).stream().filter(n -> !n.endsWith(".gz")).toList(), "no partial file kept");
        assertThrows(DataException.class, () -> FashionMnist.load(dir), "no folder train --data would accept");
        return e;
    }
}
