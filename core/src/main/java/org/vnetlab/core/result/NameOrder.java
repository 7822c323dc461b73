package org.vnetlab.core.result;

import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The order of domain and trace names in results: runs of digits compare as numbers, so domU2
 * comes before domU10 (and domU2.vif.qdisc.drop before domU10.vif.qdisc.drop), as the guests were
 * numbered; everything else compares as text. Names equal as numbers but not as text (domU01,
 * domU1) fall back to the text, so the order is total.
 */
public final class NameOrder implements Comparator<String> {

    public static final NameOrder INSTANCE = new NameOrder();

    private NameOrder() {
    }

    /** A sorted copy of {@code values} in this order, or null for null. */
    public static <V> SortedMap<String, V> sorted(Map<String, V> values) {
        if (values == null) {
            return null;
        }
        SortedMap<String, V> copy = new TreeMap<>(INSTANCE);
        copy.putAll(values);
        return copy;
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = compareNumbers(a, i, endA, b, j, endB);
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else if (x != y) {
                return Character.compare(x, y);
            } else {
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** Two runs of digits by value, without parsing (they may be longer than a long). */
    private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA - 1 && a.charAt(i) == '0') {
            i++;
        }
        while (j < endB - 1 && b.charAt(j) == '0') {
            j++;
        }
        int byDigits = Integer.compare(endA - i, endB - j);
        if (byDigits != 0) {
            return byDigits;
        }
        for (; i < endA; i++, j++) {
            if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            }
        }
        return 0;
    }
}
