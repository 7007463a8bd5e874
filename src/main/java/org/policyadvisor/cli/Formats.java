package org.policyadvisor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Output formats of the analysis commands, and printing their JSON. */
final class Formats {

    enum Format { text, json }

    private Formats() {
    }

    static void printJson(PrintWriter out, byte[] json) {
        out.print(new String(json, StandardCharsets.UTF_8));
        out.println();
        out.flush();
    }
}
