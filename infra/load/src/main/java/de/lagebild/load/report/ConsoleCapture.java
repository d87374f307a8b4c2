package de.lagebild.load.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Keeps a copy of what the scenario prints (up to 4 MB) for the report, and still prints it. */
final class ConsoleCapture {

    private static final int LIMIT = 4 * 1024 * 1024;

    private final PrintStream original;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private ConsoleCapture(PrintStream original) {
        this.original = original;
    }

    static ConsoleCapture install() {
        ConsoleCapture capture = new ConsoleCapture(System.out);
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                capture.original.write(b);
                capture.keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                capture.original.write(b, off, len);
                capture.keep(b, off, len);
            }

            @Override
            public void flush() {
                capture.original.flush();
            }
        }, true, StandardCharsets.UTF_8));
        return capture;
    }

    private synchronized void keep(byte[] b, int off, int len) {
        if (copy.size() + len <= LIMIT) {
            copy.write(b, off, len);
        }
    }

    PrintStream original() {
        return original;
    }

    void uninstall() {
        System.out.flush();
        System.setOut(original);
    }

    synchronized String text() {
        return copy.toString(StandardCharsets.UTF_8);
    }
}
