package io.bertlab.analysis;

/**
 * Which tokens count as {@code [CLS]}, {@code [SEP]} and punctuation. Clark et al. counted only {@code .} and
 * {@code ,} as punctuation; here every token made only of Unicode punctuation (after a WordPiece {@code ##} prefix)
 * counts, so quotes, hyphens, brackets and non-English marks are included too.
 */
final class TokenKinds {

    private TokenKinds() {
    }

    /** BERT's {@code [CLS]}, or RoBERTa's {@code <s>} that plays its role. */
    static boolean isCls(String token) {
        return token.equals("[CLS]") || token.equals("<s>");
    }

    /** BERT's {@code [SEP]}, or RoBERTa's {@code </s>}. */
    static boolean isSep(String token) {
        return token.equals("[SEP]") || token.equals("</s>");
    }

    static boolean isPunctuation(String token) {
        String text = token.startsWith("##") ? token.substring(2) : token;
        if (text.isEmpty()) {
            return false;
        }
        return text.codePoints().allMatch(TokenKinds::isPunctuationCodePoint);
    }

    private static boolean isPunctuationCodePoint(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
