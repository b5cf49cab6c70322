package io.bertlab.spark;

/**
 * Why a text gets no result: a row of a corpus with no text is reported in the row, never a failed job.
 */
final class BadText {

    private BadText() {
    }

    /**
     * @param text the row's text
     * @return the reason it cannot be processed, or {@code null} when it can
     */
    static String reason(Object text) {
        if (text == null) {
            return "null text";
        }
        String s = text.toString();
        if (s.isEmpty()) {
            return "empty text";
        }
        if (s.isBlank()) {
            return "blank text (whitespace only)";
        }
        return null;
    }
}
