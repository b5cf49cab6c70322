package io.bertlab.tokenizer.unigram;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Piece scores as HuggingFace reads them from {@code tokenizer.json}. Its JSON parser (serde_json without
 * {@code float_roundtrip}) turns a decimal into a double as {@code (double) digits / 10^k}: with 17 significant digits
 * (more than a double's 2^53 holds exactly) that rounds twice and can land one unit in the last place away from the
 * correctly rounded value that Java reads. Viterbi ties between segmentations of equal real score (a run of
 * {@code -} as {@code -}, {@code ---}, {@code ---} or {@code ---}, {@code ---}, {@code -}) are decided by that last
 * bit, so scores are re-read HuggingFace's way.
 */
final class HuggingFaceScores {

    /** 10^22 is the largest power of ten a double holds exactly. */
    private static final int MAX_EXACT_POWER = 22;
    /** Decimals of up to 15 significant digits are below 2^53 and read exactly by either parser. */
    private static final int MAX_EXACT_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[309];

    static {
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = Double.parseDouble("1e" + k);
        }
    }

    private HuggingFaceScores() {
    }

    /**
     * The double HuggingFace gets from the shortest decimal that reads back as {@code score}: the text JSON writers
     * print.
     *
     * @param score a score as read by a correctly rounding parser
     * @return the score as HuggingFace reads the same text
     */
    static double asReadByHuggingFace(double score) {
        if (score == 0 || !Double.isFinite(score)) {
            return score;
        }
        BigDecimal exact = new BigDecimal(score);
        BigDecimal short15 = readsBack(exact, MAX_EXACT_DIGITS, score);
        if (short15 != null && Math.abs(short15.stripTrailingZeros().scale()) <= MAX_EXACT_POWER) {
            // the file's decimal has at most 15 digits and a power of ten that is exact: one, correct, rounding
            return score;
        }
        BigDecimal decimal = null;
        for (int precision = 1; decimal == null && precision <= MAX_EXACT_DIGITS + 2; precision++) {
            decimal = readsBack(exact, precision, score);
        }
        decimal = decimal.stripTrailingZeros();
        BigDecimal digits = new BigDecimal(decimal.unscaledValue().abs());
        double value = digits.longValue();
        int exponent = -decimal.scale();
        while (exponent < -308) {
            value /= 1e308;
            exponent += 308;
        }
        value = exponent >= 0 ? value * POWERS_OF_TEN[exponent] : value / POWERS_OF_TEN[-exponent];
        return score < 0 ? -value : value;
    }

    /** A decimal of {@code precision} digits next to {@code exact} that reads back as {@code x}, or null. */
    private static BigDecimal readsBack(BigDecimal exact, int precision, double x) {
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
            RoundingMode.CEILING}) {
            BigDecimal candidate = exact.round(new MathContext(precision, mode));
            if (Double.parseDouble(candidate.toString()) == x) {
                return candidate;
            }
        }
        return null;
    }
}
