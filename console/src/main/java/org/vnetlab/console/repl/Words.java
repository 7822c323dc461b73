package org.vnetlab.console.repl;

import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.vnetlab.console.cli.UsageError;

/**
 * Splits a console line into words the way the interactive console does: blanks, quotes,
 * backslash. A quote left open or a backslash that ends the line escapes nothing: the line is a
 * usage error, not a guess at what was meant.
 */
final class Words {

    private static final Parser PARSER = new DefaultParser().eofOnUnclosedQuote(true).eofOnEscapedNewLine(true);

    private Words() {
    }

    static List<String> split(String line) {
        try {
            return nonEmpty(PARSER.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words());
        } catch (EOFError e) {
            if ("newline".equals(e.getMissing())) {
                throw new UsageError("a backslash ends the line, with nothing after it to escape");
            }
            throw new UsageError("unterminated quote: " + line.strip());
        }
    }

    static List<String> nonEmpty(List<String> words) {
        return words.stream().filter(w -> !w.isEmpty()).toList();
    }

    /** Whether the line ends the console; {@code quit} with more words is a one-line usage error. */
    static boolean isExit(List<String> words) {
        boolean exit = !words.isEmpty() && (words.get(0).equals("exit") || words.get(0).equals("quit"));
        if (exit && words.size() > 1) {
            throw new UsageError(words.get(0) + " takes no arguments, got '" + words.get(1) + "'");
        }
        return exit;
    }
}
