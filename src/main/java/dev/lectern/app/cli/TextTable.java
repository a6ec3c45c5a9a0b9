package dev.lectern.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain aligned table for terminals; long cells are cut with an ellipsis, missing values shown as "-". */
final class TextTable {
    private static final int MAX_CELL = 48;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = header;
    }

    void row(String... cells) {
        String[] row = new String[header.length];
        for (int i = 0; i < row.length; i++) {
            String c = i < cells.length && cells[i] != null ? cells[i].replaceAll("\\s+", " ").strip() : "-";
            row[i] = c.length() > MAX_CELL ? c.substring(0, MAX_CELL - 1) + "…" : c;
        }
        rows.add(row);
    }

    void print(PrintWriter out) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        printRow(out, header, width);
        rows.forEach(r -> printRow(out, r, width));
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(width[i] - cells[i].length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
