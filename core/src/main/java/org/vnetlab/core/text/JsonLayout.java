package org.vnetlab.core.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * vnetlab's JSON layout: two-space indentation, one key a line as {@code "key": value}, an array of
 * numbers or strings on one line ({@code [1, 2]}), an array of objects or arrays one element a
 * line, empty containers as {@code {}} and {@code []}. An array's layout follows its first element.
 * It keeps state, so each generator gets its own instance.
 */
final class JsonLayout implements PrettyPrinter {

    /** Open containers, innermost first. */
    private final Deque<Container> open = new ArrayDeque<>();

    private static final class Container {
        final boolean array;
        /** An array past its first element. */
        boolean hasElement;
        boolean oneALine;

        Container(boolean array) {
            this.array = array;
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        start(g, '{', false);
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        start(g, '[', true);
    }

    /** A container opened as the first element of an array puts that array one element a line. */
    private void start(JsonGenerator g, char bracket, boolean array) throws IOException {
        Container parent = open.peek();
        if (parent != null && parent.array && !parent.hasElement) {
            parent.hasElement = true;
            parent.oneALine = true;
            newLine(g);
        }
        g.writeRaw(bracket);
        open.push(new Container(array));
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newLine(g);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newLine(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
        // the first element decides the layout: see start()
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        Container array = open.element();
        array.hasElement = true;
        g.writeRaw(',');
        if (array.oneALine) {
            newLine(g);
        } else {
            g.writeRaw(' ');
        }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        end(g, '}', entries > 0);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        end(g, ']', open.element().oneALine);
    }

    private void end(JsonGenerator g, char bracket, boolean onItsOwnLine) throws IOException {
        open.pop();
        if (onItsOwnLine) {
            newLine(g);
        }
        g.writeRaw(bracket);
    }

    private void newLine(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        g.writeRaw("  ".repeat(open.size()));
    }
}
