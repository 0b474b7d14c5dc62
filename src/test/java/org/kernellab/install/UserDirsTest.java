package org.kernellab.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {
    @Test
    void linuxFollowsXdgDefaults() {
        UserDirs d = UserDirs.of(null, "Linux", "/home/ana", Map.of());
        assertEquals(Path.of("/home/ana/.local/share/kernellab/lessons"), d.lessons());
        assertEquals(Path.of("/home/ana/.local/share/kernellab/models"), d.models());
        assertEquals(Path.of("/home/ana/.cache/kernellab/voxels"), d.voxels());
    }

    @Test
    void linuxHonoursXdgVariablesButNotRelativeOnes() {
        UserDirs d =
                UserDirs.of(null, "Linux", "/home/ana", Map.of("XDG_DATA_HOME", "/data/ana", "XDG_CACHE_HOME", "tmp"));
        assertEquals(Path.of("/data/ana/kernellab"), d.data());
        assertEquals(
                Path.of("/home/ana/.cache/kernellab"), d.cache(), "the XDG spec says a relative path is to be ignored");
    }

    @Test
    void windowsAndMacUseTheirOwnPlaces() {
        assertEquals(
                Path.of("C:/Users/ana/AppData/Local/KernelLab"),
                UserDirs.of(null, "Windows 11", "C:/Users/ana", Map.of("LOCALAPPDATA", "C:/Users/ana/AppData/Local"))
                        .data());
        UserDirs mac = UserDirs.of(null, "Mac OS X", "/Users/ana", Map.of());
        assertEquals(Path.of("/Users/ana/Library/Application Support/KernelLab"), mac.data());
        assertEquals(Path.of("/Users/ana/Library/Caches/KernelLab"), mac.cache());
    }

    @Test
    void anOverridePutsEverythingUnderOneFolder() {
        UserDirs d = UserDirs.of("/media/usb/kl", "Linux", "/home/ana", Map.of("XDG_DATA_HOME", "/data/ana"));
        assertEquals(Path.of("/media/usb/kl/data/lessons"), d.lessons());
        assertEquals(Path.of("/media/usb/kl/cache/javacpp"), d.natives());
        assertNotEquals(d.data(), d.cache());
    }

    @Test
    void versionsComeFromTheBuild() {
        assertNotEquals("unknown", Versions.APP);
        assertTrue(Versions.ND4J.matches("\\d+\\.\\d+\\.\\d+.*"), Versions.ND4J);
    }
}
