package org.vnetlab.console.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnetlab.config.ParameterSpec;
import org.vnetlab.config.ScenarioLoader;
import org.vnetlab.console.cli.Terminal;
import org.vnetlab.console.format.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lists every model parameter: its default, valid range, where the default comes from and on what
 * basis, and for a prior or a published figure the range its true value plausibly lies in (what
 * {@code vnetlab sensitivity} varies it over).
 */
@Command(name = "params", description = "list the model's parameters: default, valid range, provenance (code, published,"
        + " derived, prior, fitted, setting, engine), its basis and, where no fit pins it, its plausible range")
public final class ParamsCommand implements org.vnetlab.console.cli.Command {

    private final ScenarioLoader loader;

    @Option(names = "--markdown", description = "print a Markdown table (docs/MODEL.md holds this output)")
    boolean markdown;

    public ParamsCommand(ScenarioLoader loader) {
        this.loader = loader;
    }

    @Override
    public int run(Terminal io) {
        io.out().print(markdown ? markdown(rows()) : TextTable.render(HEADER, rows()));
        return 0;
    }

    private static final List<String> HEADER = List.of("parameter", "default", "valid", "plausible", "provenance",
            "basis");

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (ParameterSpec s : loader.parameterSpecs().all().values()) {
            Object value = loader.defaults().getValue("model." + s.key()).unwrapped();
            String plausible = value instanceof Number n ? s.plausible(n.doubleValue()).map(Object::toString).orElse("")
                    : "";
            rows.add(List.of("model." + s.key(), value.toString(), s.range(), plausible,
                    s.provenance().name().toLowerCase(Locale.ROOT), s.basis()));
        }
        return rows;
    }

    /** The rows as a Markdown table. */
    static String markdown(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        b.append("|").append("---|".repeat(HEADER.size())).append("\n");
        for (List<String> r : rows) {
            b.append("| `").append(r.get(0)).append("` | ").append(String.join(" | ", r.subList(1, r.size())))
                    .append(" |\n");
        }
        return b.toString();
    }
}
