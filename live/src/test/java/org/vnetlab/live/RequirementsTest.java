package org.vnetlab.live;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing requirement skips a developer's test and fails a CI one. */
class RequirementsTest {

    private final String before = System.getProperty(Requirements.CI);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Requirements.CI);
        } else {
            System.setProperty(Requirements.CI, before);
        }
    }

    @Test
    void aMissingToolSkipsOutsideCi() {
        assumeFalse("true".equalsIgnoreCase(System.getenv(Requirements.CI_ENV)), "this run is under CI");
        System.setProperty(Requirements.CI, "false");
        assertThrows(TestAbortedException.class, () -> Requirements.require(false, "no such tool"));
    }

    @Test
    void aMissingToolFailsUnderCi() {
        System.setProperty(Requirements.CI, "true");
        assertThrows(AssertionFailedError.class, () -> Requirements.require(false, "no such tool"));
        assertThrows(AssertionFailedError.class, () -> Requirements.tool("no-such-tool-vnetlab"));
    }

    @Test
    void aMissingKernelFeatureSkipsEvenUnderCi() {
        System.setProperty(Requirements.CI, "true");
        assertThrows(TestAbortedException.class, () -> Requirements.kernel(false, "no such qdisc"));
    }
}
