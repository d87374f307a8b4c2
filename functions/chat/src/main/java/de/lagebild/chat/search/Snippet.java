package de.lagebild.chat.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The matching passage of a result as plain text, with the highlighted ranges as offsets into it
 * (UTF-16 code units, as Java and JavaScript count), so no client has to trust markup in user text.
 */
public record Snippet(String text, List<Highlight> highlights) {

    /** Marks ts_headline puts around a match; characters of Unicode's private use area, removed from the text first. */
    static final char START = '\uE000';
    static final char STOP = '\uE001';

    /** {@code [start, end)} of a highlighted word in the snippet's text. */
    public record Highlight(int start, int end) {
    }

    static Snippet ofMarked(String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<Highlight> highlights = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START) {
                start = text.length();
            } else if (c == STOP) {
                if (start >= 0 && text.length() > start) {
                    highlights.add(new Highlight(start, text.length()));
                }
                start = -1;
            } else {
                text.append(c);
            }
        }
        return new Snippet(text.toString(), List.copyOf(highlights));
    }
}
