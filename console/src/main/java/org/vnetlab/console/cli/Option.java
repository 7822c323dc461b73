package org.vnetlab.console.cli;

/**
 * One command-line option. Usage text and parsing both come from this declaration.
 *
 * @param name         the long name with its dashes, e.g. {@code --set}
 * @param alias        a short alias such as {@code -4}, or null
 * @param argument     the argument's name in usage text (e.g. {@code KEY=VALUE}), or null for a flag
 * @param help         one line of help
 * @param defaultValue shown in help; null when there is none
 * @param repeatable   whether it may be given more than once
 */
public record Option(String name, String alias, String argument, String help, String defaultValue,
                     boolean repeatable) {

    public static Option flag(String name, String help) {
        return new Option(name, null, null, help, null, false);
    }

    public static Option value(String name, String argument, String help, String defaultValue) {
        return new Option(name, null, argument, help, defaultValue, false);
    }

    public static Option repeated(String name, String argument, String help) {
        return new Option(name, null, argument, help, null, true);
    }

    public Option withAlias(String shortName) {
        return new Option(name, shortName, argument, help, defaultValue, repeatable);
    }

    public boolean takesValue() {
        return argument != null;
    }

    /** The usage form: {@code --set KEY=VALUE} or {@code -4, --ipv4}. */
    public String synopsis() {
        String names = alias == null ? name : alias + ", " + name;
        return takesValue() ? names + " " + argument : names;
    }
}
