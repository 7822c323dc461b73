package org.vnetlab.console.report;

import java.util.List;

/** A table of the report: a title, a caption, header cells and rows of formatted cells. */
record Table(String title, String caption, List<String> headers, List<List<String>> rows) {

    Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
