package org.vnetlab.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** vnetlab's version, as Maven wrote it into the build. */
public final class Version {

    private static final String RESOURCE = "vnetlab/version.properties";
    private static final String CURRENT = read();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
