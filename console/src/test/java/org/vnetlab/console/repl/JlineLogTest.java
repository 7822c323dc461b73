package org.vnetlab.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import org.jline.utils.Log;
import org.junit.jupiter.api.Test;

/** JLine's warnings come out as one line each, once, with no stack trace. */
class JlineLogTest {

    @Test
    void aWarningWithAnExceptionIsOneLineSaidOnce() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (JlineLog log = JlineLog.to(new PrintStream(err, true, StandardCharsets.UTF_8))) {
            for (int command = 0; command < 3; command++) {
                Log.warn("Failed to save history", new AccessDeniedException("/nonexistent"));
            }
            Log.debug("not a warning");
        }
        assertEquals("vnetlab: console: Failed to save history: /nonexistent (AccessDeniedException)\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
