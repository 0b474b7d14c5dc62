package org.kernellab.install;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own folders, never the install folder (read-only for students, and emptied by an uninstall): on
 * Linux the XDG base directories ({@code $XDG_DATA_HOME/kernellab}, default {@code ~/.local/share/kernellab}, and
 * {@code $XDG_CACHE_HOME/kernellab}, default {@code ~/.cache/kernellab}); on Windows {@code %LOCALAPPDATA%\KernelLab};
 * on macOS {@code ~/Library/Application Support/KernelLab} and {@code ~/Library/Caches/KernelLab}. The system
 * property {@code kernellab.home} puts both under one folder (tests, a portable copy on a USB stick).
 */
public record UserDirs(Path data, Path cache) {
    /** Where earlier versions kept lessons; still read so a student's lessons are not lost. */
    public static Path legacyLessons() {
        return Path.of(System.getProperty("user.home"), ".kernellab", "lessons");
    }

    /** The folders for this user on this system. */
    public static UserDirs current() {
        return of(
                System.getProperty("kernellab.home"),
                System.getProperty("os.name"),
                System.getProperty("user.home"),
                System.getenv());
    }

    static UserDirs of(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank())
            return new UserDirs(Path.of(override, "data"), Path.of(override, "cache"));
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path local = env.containsKey("LOCALAPPDATA")
                    ? Path.of(env.get("LOCALAPPDATA"))
                    : Path.of(home, "AppData", "Local");
            return new UserDirs(
                    local.resolve("KernelLab"), local.resolve("KernelLab").resolve("cache"));
        }
        if (os.startsWith("mac")) {
            return new UserDirs(
                    Path.of(home, "Library", "Application Support", "KernelLab"),
                    Path.of(home, "Library", "Caches", "KernelLab"));
        }
        return new UserDirs(
                xdg(env, "XDG_DATA_HOME", home, ".local/share").resolve("kernellab"),
                xdg(env, "XDG_CACHE_HOME", home, ".cache").resolve("kernellab"));
    }

    /** The spec: a relative or empty value is to be ignored. */
    private static Path xdg(Map<String, String> env, String name, String home, String fallback) {
        String v = env.get(name);
        return v != null && Path.of(v).isAbsolute() ? Path.of(v) : Path.of(home).resolve(fallback);
    }

    /**
     * Where Java keeps this user's preferences (the app's settings and progress) where they are files: under the
     * home on Linux; empty on Windows (the registry) and macOS (a property list).
     */
    public static Optional<Path> preferences() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return Optional.empty();
        return Optional.of(Path.of(
                System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home")),
                ".java",
                ".userPrefs",
                "org",
                "kernellab"));
    }

    /** Lessons the student or teacher writes; the app reads them next to the built-in ones. */
    public Path lessons() {
        return data.resolve("lessons");
    }

    /** Downloaded data sets, one folder each (as {@code fetch-data} and the app's Data sets window name them). */
    public Path datasets() {
        return data.resolve("datasets");
    }

    /** Where save and open dialogs for trained networks start. */
    public Path models() {
        return data.resolve("models");
    }

    /** Voxelised 3D objects, made again if deleted. */
    public Path voxels() {
        return cache.resolve("voxels");
    }

    /** JavaCPP's links to ND4J's native libraries (or, run from the jar, the libraries themselves). */
    public Path natives() {
        return cache.resolve("javacpp");
    }
}
