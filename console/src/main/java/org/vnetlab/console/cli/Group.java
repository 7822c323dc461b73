package org.vnetlab.console.cli;

import java.util.List;

/**
 * A command word that only takes a subcommand, such as {@code measure} in {@code measure server}.
 *
 * @param commands its subcommands: {@link Command}s or further groups
 */
public record Group(String name, String summary, List<Object> commands) {
}
