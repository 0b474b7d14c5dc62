package org.kernellab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.fetch.Fetcher;
import org.kernellab.data.fetch.Loopback;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.data.fetch.Sets;

/**
 * {@code fetch-data} as a teacher's script sees it: JSON progress lines and a final line, a folder that
 * {@code train --data} then trains on, and for a failure exit status 2, one line on stderr and no folder.
 */
class FetchDataCliTest {
    @TempDir
    Path tmp;

    Loopback server;
    List<byte[]> files;

    @BeforeEach
    void serve() throws Exception {
        server = new Loopback();
        files = Sets.fashion(40, 10, 3);
        for (int i = 0; i < 4; i++) server.file("/mirror/" + Sets.FASHION[i], files.get(i), "application/gzip");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMirrorsFilesArriveAndTrainAsData() throws Exception {
        Path dir = tmp.resolve("fm");
        RemoteSet published = Sets.fashionSet(server.uri("/elsewhere/"), files); // the publisher's address...
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Fetcher.Settings quick = new Fetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ZERO);
        @SuppressWarnings("unchecked")
        Map<String, Object> end = (Map<String, Object>) FetchDataCommand.run(
                List.of("fashion-mnist", "--url", server.uri("/mirror").toString(), "--dir", dir.toString()),
                out,
                List.of(published),
                quick); // ...and --url, the mirror's, under which the four files lie
        List<JsonNode> lines = new ArrayList<>();
        for (String l : bytes.toString(StandardCharsets.UTF_8).split("\n")) lines.add(new ObjectMapper().readTree(l));
        long progress = lines.stream().filter(l -> l.has("bytes")).count();
        assertTrue(progress >= 4, "at least one progress line per file: " + lines);
        for (JsonNode l : lines) {
            if (!l.has("bytes")) continue;
            assertTrue(l.has("total") && l.has("bytes_per_second") && l.has("seconds_left"), l.toString());
        }
        assertEquals(
                4,
                lines.stream()
                        .filter(l -> "verifying".equals(l.path("stage").asText()))
                        .count());
        assertEquals("fashion-mnist", end.get("data"));
        assertEquals(4, end.get("files"));
        assertEquals(files.stream().mapToLong(b -> b.length).sum(), end.get("downloaded_bytes"));
        assertEquals(false, end.get("already_there"));
        assertEquals(dir.toAbsolutePath().toString(), end.get("dir"));

        CliTest.Run train = trainOn(dir);
        JsonNode last = TrainCliTest.last(train);
        assertEquals(40, last.path("train_images").asInt(), train.out());
    }

    /** One epoch of the course's MLP on the folder, as a teacher's script runs it after fetch-data. */
    private static CliTest.Run trainOn(Path dir) {
        return CliTest.run(
                "train",
                "--model",
                "mlp",
                "--epochs",
                "1",
                "--batch",
                "8",
                "--lr",
                "0.1",
                "--optimizer",
                "sgd",
                "--data",
                dir.toString());
    }

    @Test
    void aFailureIsOneLineStatusTwoAndNoFolder() {
        Path dir = tmp.resolve("none");
        CliTest.Run r = CliTest.run(
                "fetch-data", "fashion-mnist", "--url", server.uri("/missing/").toString(), "--dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: train-images-idx3-ubyte.gz: the server has no such file"), r.err());
        assertFalse(Files.exists(dir));
        CliTest.Run train = trainOn(dir);
        assertEquals(2, train.status(), "train --data never falls back to the built-in set");
        assertTrue(train.err().contains("no such folder"), train.err());
    }

    @Test
    void anArchiveOnDiskThatIsNotThePublishedOneIsRefused() throws Exception {
        Path fake = Files.write(tmp.resolve("cifar-10-binary.tar.gz"), files.get(0)); // a gzip, but not CIFAR's
        Path dir = tmp.resolve("cifar");
        CliTest.Run r = CliTest.run("fetch-data", "cifar10", "--archive", fake.toString(), "--dir", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not the archive its publishers serve for cifar10"), r.err());
        assertFalse(Files.exists(dir), "checked before anything is written");
        CliTest.Run idx = CliTest.run("fetch-data", "fashion-mnist", "--archive", fake.toString());
        assertEquals(2, idx.status());
        assertTrue(idx.err().contains("--archive takes one archive"), idx.err());
    }

    @Test
    void anUnknownSetOrAddressIsNamed() {
        CliTest.Run r = CliTest.run("fetch-data", "mnist");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("fashion-mnist, modelnet10, cifar10"), r.err());
        CliTest.Run ftp = CliTest.run("fetch-data", "cifar10", "--url", "ftp://example.org/c.tar.gz");
        assertEquals(2, ftp.status());
        assertTrue(ftp.err().contains("not an http or https address"), ftp.err());
    }
}
