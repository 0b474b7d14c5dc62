package org.kernellab.ui.downloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernellab.data.FashionMnist;
import org.kernellab.data.fetch.Fetcher;
import org.kernellab.data.fetch.Loopback;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.data.fetch.Sets;
import org.kernellab.ui.core.I18n;
import org.kernellab.ui.core.Workbench;
import org.kernellab.ui.task.DirectTaskRunner;

/**
 * The Data sets window's state without a window: a set downloaded from a loopback server becomes the lessons' data,
 * a failure is named and changes nothing, a mirror's address is remembered, and a removed set is gone.
 */
class DataSetsViewModelTest {
    static final Fetcher.Settings QUICK =
            new Fetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ZERO);

    @TempDir
    Path root;

    Loopback server;
    List<byte[]> files;
    Preferences prefs;
    I18n i18n = new I18n();
    int changed;

    @BeforeEach
    void serve() throws Exception {
        server = new Loopback();
        files = Sets.fashion(30, 6, 11);
        for (int i = 0; i < 4; i++) server.file("/fm/" + Sets.FASHION[i], files.get(i), "application/gzip");
        prefs = Preferences.userRoot().node("kernellab-datasets-test-" + System.nanoTime());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        prefs.removeNode();
    }

    private DataSetsViewModel model(String base) throws Exception {
        RemoteSet set = Sets.fashionSet(server.uri(base), files);
        return new DataSetsViewModel(
                i18n, new DirectTaskRunner(), Runnable::run, root, prefs, List.of(set), QUICK, () -> changed++);
    }

    @Test
    void aDownloadedSetBecomesTheLessonsData() throws Exception {
        Workbench bench = new Workbench(i18n, new DirectTaskRunner(), root.resolve("fashion-mnist"));
        DataSetsViewModel vm = model("/fm/");
        DataSetsViewModel.Entry e = vm.entry("fashion-mnist");
        assertEquals(DataSetsViewModel.State.ABSENT, e.stateProperty().get());
        assertEquals("Not downloaded.", e.detailProperty().get());
        assertFalse(bench.fullSetAvailable());
        bench.withData(d -> {});
        assertEquals(FashionMnist.Source.EMBEDDED, bench.dataProperty().get().source());

        vm.get(e);
        assertEquals(DataSetsViewModel.State.READY, e.stateProperty().get());
        assertNull(e.problemProperty().get());
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        assertEquals(bytes, e.bytes());
        assertTrue(
                e.detailProperty().get().startsWith("Downloaded and checked"),
                e.detailProperty().get());
        assertEquals(1, changed);
        assertTrue(vm.summary().startsWith("Fashion-MNIST "), vm.summary());

        bench.reload();
        assertTrue(bench.fullSetAvailable());
        assertEquals(FashionMnist.Source.DOWNLOADED, bench.dataProperty().get().source());
        assertEquals(30, bench.dataProperty().get().train().size());
        bench.fullSetProperty().set(false);
        assertEquals(FashionMnist.Source.EMBEDDED, bench.dataProperty().get().source(), "the switch to the subset");
        bench.fullSetProperty().set(true);
        assertEquals(6, bench.dataProperty().get().test().size());

        vm.remove(e);
        assertEquals(DataSetsViewModel.State.ABSENT, e.stateProperty().get());
        assertFalse(Files.exists(root.resolve("fashion-mnist")));
        assertEquals(2, changed);
        assertNull(vm.summary());
    }

    @Test
    void aFailedTryIsNamedAndChangesNothing() throws Exception {
        server.on("/nothing-here/", x -> x.sendResponseHeaders(404, -1));
        DataSetsViewModel vm = model("/nothing-here/");
        DataSetsViewModel.Entry e = vm.entry("fashion-mnist");
        vm.get(e);
        assertEquals(DataSetsViewModel.State.ABSENT, e.stateProperty().get());
        assertEquals("fetch.notFound", e.problemProperty().get().key());
        assertEquals(0, changed);

        e.addressProperty().set("ftp://example.org/fm/");
        vm.get(e);
        assertEquals("cli.badUrl", e.problemProperty().get().key(), "only http and https");
        assertEquals(1, server.requests.size(), "the 404's request, and none for the ftp address");
    }

    @Test
    void aPartialFileIsOfferedToResumeInEitherLanguage() throws Exception {
        Files.createDirectories(root.resolve("fashion-mnist"));
        Files.write(root.resolve("fashion-mnist").resolve(Sets.FASHION[0] + ".part"), new byte[2500]);
        DataSetsViewModel vm = model("/fm/");
        DataSetsViewModel.Entry e = vm.entry("fashion-mnist");
        assertEquals(DataSetsViewModel.State.PARTIAL, e.stateProperty().get());
        assertEquals(
                "Partly downloaded (2.5 kB): Resume goes on from there.",
                e.detailProperty().get());
        i18n.localeProperty().set(Locale.forLanguageTag("es"));
        assertEquals(
                "Descargado en parte (2,5 kB): Reanudar sigue desde ahí.",
                e.detailProperty().get());
    }

    @Test
    void aMirrorsAddressIsRememberedAndThePublishersRestores() throws Exception {
        DataSetsViewModel vm = model("/fm/");
        DataSetsViewModel.Entry e = vm.entry("fashion-mnist");
        String publisher = e.addressProperty().get();
        e.addressProperty().set(server.uri("/mirror/").toString());
        DataSetsViewModel again = model("/fm/");
        assertEquals(
                server.uri("/mirror/").toString(),
                again.entry("fashion-mnist").addressProperty().get());
        e.addressProperty().set(publisher);
        assertNull(prefs.get("fashion-mnist", null), "the publisher's address is not stored as a choice");
    }
}
