package org.kernellab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's version, written into the build by Maven (resources-filtered/). */
final class Version {
    static final String APP = read();

    private Version() {}

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
