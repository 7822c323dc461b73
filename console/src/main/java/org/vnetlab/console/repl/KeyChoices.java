package org.vnetlab.console.repl;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values worth offering for a scenario key: the alternatives its comment in
 * {@code reference.conf} lists as {@code a | b | c} (so completion and documentation cannot
 * disagree), then its default value.
 */
final class KeyChoices {

    private static final Pattern ALTERNATIVES = Pattern.compile("[\\w.-]+(?:\\s*\\|\\s*[\\w.-]+)+");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");

    private final Config defaults;

    KeyChoices(Config defaults) {
        this.defaults = defaults;
    }

    List<String> values(String key) {
        if (!defaults.hasPathOrNull(key)) {
            return List.of();
        }
        ConfigValue value = defaults.getValue(key);
        Set<String> choices = new LinkedHashSet<>(fromComments(value.origin().comments()));
        if (value.valueType() != ConfigValueType.LIST && value.valueType() != ConfigValueType.OBJECT) {
            String rendered = String.valueOf(value.unwrapped());
            if (!rendered.isEmpty() && !rendered.contains(" ")) {
                choices.add(rendered);
            }
            if (value.valueType() == ConfigValueType.BOOLEAN) {
                choices.addAll(List.of("true", "false"));
            }
        }
        return List.copyOf(choices);
    }

    static List<String> fromComments(List<String> comments) {
        List<String> found = new ArrayList<>();
        for (String comment : comments) {
            Matcher m = ALTERNATIVES.matcher(PARENTHESES.matcher(comment).replaceAll(""));
            while (m.find()) {
                for (String choice : m.group().split("\\|")) {
                    found.add(choice.strip().replaceAll("\\.$", ""));
                }
            }
        }
        return found;
    }
}
