package org.vnetlab.live.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.vnetlab.live.data.ClientText;

/**
 * Reads {@code xentop -b} (batch mode) output a line at a time. Each iteration is a header line
 * ({@code NAME STATE CPU(sec) CPU(%) ...}) then one line per domain, each possibly followed by the
 * detail lines of {@code -v}, {@code -n} and {@code -x} ({@code VCPUs(sec):}, {@code Net0 RX:},
 * {@code VBD ...}). Columns are right-aligned to the header's labels, so the name is what ends where
 * {@code NAME} ends: a name may hold spaces; without {@code -f} xentop cuts names to 10 characters.
 * The columns after the name are whitespace-separated and never hold spaces, except
 * {@code MAXMEM(k)}'s {@code no limit}, which this reader does not need.
 *
 * <p>A line that is none of these, or a domain line whose state, seconds, percent or vCPU count do
 * not read, is an error naming the line: this parser never guesses a number.
 */
public final class XentopParser {

    /** One domain's line of one iteration. */
    public record Domain(String name, String state, long cpuSeconds, double cpuPercent, int vcpus) {
    }

    /** What the parser found, in order. */
    public interface Listener {

        /** A header: a new iteration starts (xentop prints one per iteration unless run with {@code -r}). */
        void iteration();

        void domain(Domain domain);
    }

    /** A line xentop would not print. */
    public static final class FormatException extends IllegalArgumentException {

        FormatException(int line, String what, String text) {
            super("xentop output line " + line + ": " + what + ": '" + ClientText.of(text) + "'");
        }
    }

    // xentop prints each of dying, shutdown, blocked, crashed, paused, running as its letter or '-'
    private static final Pattern STATE = Pattern.compile("[d-][s-][b-][c-][p-][r-]");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,18}");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,15}\\.\\d");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern HEADER = Pattern.compile(
            "\\s*NAME\\s+STATE\\s+CPU\\(sec\\)\\s+CPU\\(%\\)\\s+MEM\\(k\\)\\s+MEM\\(%\\)\\s+MAXMEM\\(k\\)\\s+MAXMEM\\(%\\)"
                    + "\\s+VCPUS(\\s.*)?");
    private static final Pattern VCPU_TIMES = Pattern.compile("\\s+(\\d+:\\s+\\d+s\\s*)+");
    private static final Pattern NETWORK = Pattern.compile("Net\\d+ RX: .*");
    /** A domain's CPU(%) above twice what its vCPUs can use comes only from a wrapped counter. */
    private static final double MAX_PERCENT_PER_VCPU = 200.0;

    private final Listener listener;
    private int lineNumber;
    private int nameEnd = -1;
    private int vcpusStart;
    private int vcpusEnd;

    public XentopParser(Listener listener) {
        this.listener = listener;
    }

    /** Every iteration of a recorded output, each as its domains in xentop's order. */
    public static List<List<Domain>> iterations(String output) {
        List<List<Domain>> all = new ArrayList<>();
        XentopParser p = new XentopParser(new Listener() {
            @Override
            public void iteration() {
                all.add(new ArrayList<>());
            }

            @Override
            public void domain(Domain domain) {
                all.get(all.size() - 1).add(domain);
            }
        });
        output.lines().forEach(p::accept);
        return all;
    }

    /** Reads the next line of xentop's output. */
    public void accept(String line) {
        lineNumber++;
        if (line.isBlank()) {
            return;
        }
        if (HEADER.matcher(line).matches()) {
            header(line);
            listener.iteration();
            return;
        }
        if (nameEnd < 0) {
            throw new FormatException(lineNumber, "expected xentop's header (NAME STATE CPU(sec) CPU(%) ...)", line);
        }
        Domain d = domain(line);
        if (d != null) {
            listener.domain(d);
        } else if (!detail(line)) {
            throw new FormatException(lineNumber, "neither a domain, a header nor a VCPUs/Net/VBD line", line);
        }
    }

    private void header(String line) {
        nameEnd = line.indexOf("NAME") + "NAME".length();
        int maxPct = line.indexOf("MAXMEM(%)");
        vcpusEnd = line.indexOf("VCPUS", maxPct) + "VCPUS".length();
        vcpusStart = maxPct + "MAXMEM(%)".length();
    }

    /** The domain on this line, or null when it does not have a domain line's shape at all. */
    private Domain domain(String line) {
        if (line.length() <= nameEnd || line.charAt(nameEnd) != ' ') {
            return null;
        }
        String name = line.substring(0, nameEnd).strip();
        String[] f = line.substring(nameEnd).strip().split("\\s+");
        if (name.isEmpty() || f.length < 3 || !STATE.matcher(f[0]).matches()) {
            return null;
        }
        // from here the line claims to be a domain's: what does not read is an error, not a skip
        if (!SECONDS.matcher(f[1]).matches()) {
            throw new FormatException(lineNumber, "CPU(sec) of " + name + " is not a whole number", line);
        }
        if (!PERCENT.matcher(f[2]).matches()) {
            throw new FormatException(lineNumber, "CPU(%) of " + name + " is not a number like 12.3", line);
        }
        String vcpus = line.length() >= vcpusEnd ? line.substring(vcpusStart, vcpusEnd).strip() : "";
        if (!COUNT.matcher(vcpus).matches() || Integer.parseInt(vcpus) == 0) {
            throw new FormatException(lineNumber, "no VCPUS count under the header's VCPUS for " + name, line);
        }
        double percent = Double.parseDouble(f[2]);
        int n = Integer.parseInt(vcpus);
        if (percent > MAX_PERCENT_PER_VCPU * n) {
            throw new FormatException(lineNumber, "CPU(%) " + f[2] + " of " + name + " is impossible for " + n
                    + " vCPUs (a wrapped counter?)", line);
        }
        return new Domain(name, f[0], Long.parseLong(f[1]), percent, n);
    }

    private static boolean detail(String line) {
        return line.startsWith("VCPUs(sec): ") || VCPU_TIMES.matcher(line).matches()
                || NETWORK.matcher(line).matches() || line.startsWith("VBD ") || line.startsWith("Tmem: ");
    }
}
