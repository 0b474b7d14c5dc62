package org.kernellab.install;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of the app and what it runs on, read from the build's own records (no library is loaded to ask). */
public final class Versions {
    /** The app's version, written into the build by Maven (resources-filtered/). */
    public static final String APP = read("/org/kernellab/install/version.properties", "version");
    /** The ND4J release on the class path, from its jar's Maven record. */
    public static final String ND4J = read("/META-INF/maven/org.nd4j/nd4j-api/pom.properties", "version");

    private Versions() {}

    /** The Java runtime: its version and vendor (the installer ships its own, made by jlink). */
    public static String java() {
        return System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static String read(String resource, String key) {
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
