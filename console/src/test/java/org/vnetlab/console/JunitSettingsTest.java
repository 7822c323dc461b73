package org.vnetlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Console's tests run under the one junit-platform.properties that live's test-jar brings: two
 * on the classpath make JUnit warn and use whichever it finds first.
 */
class JunitSettingsTest {

    @Test
    void oneSettingsFileGivesEveryTestADeadlineOnAThreadOfItsOwn() throws IOException {
        List<URL> files = Collections.list(getClass().getClassLoader().getResources("junit-platform.properties"));
        assertEquals(1, files.size(), files.toString());
        Properties settings = new Properties();
        try (InputStream in = files.get(0).openStream()) {
            settings.load(in);
        }
        assertTrue(files.get(0).toString().contains("live"), files.get(0).toString());
        assertEquals("10 m", settings.getProperty("junit.jupiter.execution.timeout.default"));
        assertEquals("SEPARATE_THREAD", settings.getProperty("junit.jupiter.execution.timeout.thread.mode.default"));
    }

    @Test
    void aTestRunsOnATimeoutThread() {
        assertTrue(Thread.currentThread().getName().startsWith("junit-timeout-thread"),
                Thread.currentThread().getName());
    }
}
