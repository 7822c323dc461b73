package org.vnetlab.core.result;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Result values as text: rounded to four decimals, so the same values always give the same bytes. */
final class Decimals {

    private static final int DECIMALS = 4;

    private Decimals() {
    }

    /** A finite value without trailing zeros ({@code 957.1235}, {@code 1}, {@code 0}); null if not finite. */
    static String of(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
