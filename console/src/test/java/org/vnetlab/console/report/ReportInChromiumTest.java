package org.vnetlab.console.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vnetlab.config.ReferenceDataset;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.live.Requirements;

/**
 * The report as a browser shows it: Debian's chromium (chromium-browser elsewhere), headless, takes a screenshot of
 * index.html; it must have the asked size, ink on the page, and the figures' colours (so the
 * PNG images loaded, not only the text).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReportInChromiumTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 2000;

    @Test
    void theReportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
        String browser = Requirements.tool("chromium", "chromium-browser");
        Path report = dir.resolve("report");
        Path index = new Report(new ScenarioLoader(), ReferenceDataset.study()).write(StudyResults.all(), report);
        Path shot = dir.resolve("shot.png");
        Process chromium = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--screenshot=" + shot, "--window-size=" + WIDTH + "," + HEIGHT, index.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        try {
            assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium finished within 2 minutes");
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        assertTrue(Files.isRegularFile(shot), Files.readString(dir.resolve("chromium.log")));
        BufferedImage image = Images.read(shot);
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        double inked = Images.inked(image);
        assertTrue(inked > 0.03 && inked < 0.6, "share of non-white pixels: " + inked);
        for (var colour : List.of(Palette.platform("native"), Palette.platform("xen"), Palette.platform("vserver"))) {
            assertTrue(Images.pixelsOf(image, colour) > 20, "the first figure's " + colour + " is on the page");
        }
    }

}
