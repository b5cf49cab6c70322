package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import org.osgi.service.component.annotations.Component;

/**
 * {@code matthews_correlation}: the Matthews correlation coefficient in its multiclass form (Gorodkin's R_K), as
 * scikit-learn's {@code matthews_corrcoef}; 0.0 when the denominator is 0 (gold or predictions of one class only).
 */
@Component(service = Metric.class, property = Metric.METRIC + "=" + MatthewsCorrelation.NAME)
public final class MatthewsCorrelation extends ClassificationMetric {

    /** The metric's name. */
    public static final String NAME = "matthews_correlation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double value(ConfusionMatrix matrix) {
        // scikit-learn's formula: cov(t, p) / sqrt(cov(t, t) * cov(p, p)) from the row sums t, the column sums p, the
        // trace c and the total n. The covariances are sums of products of counts, computed exactly in long (n^2 fits
        // for any list a JVM can hold) where scikit-learn uses float64, so the zero test below is exact.
        long n = matrix.total();
        long trueDotPredicted = 0;
        long trueDotTrue = 0;
        long predictedDotPredicted = 0;
        for (int label : matrix.labels()) {
            long t = matrix.goldCount(label);
            long p = matrix.predictedCount(label);
            trueDotPredicted += t * p;
            trueDotTrue += t * t;
            predictedDotPredicted += p * p;
        }
        long covTruePredicted = matrix.correct() * n - trueDotPredicted;
        long covTrueTrue = n * n - trueDotTrue;
        long covPredictedPredicted = n * n - predictedDotPredicted;
        if (covTrueTrue == 0 || covPredictedPredicted == 0) {
            return 0.0;
        }
        // Two square roots rather than the root of the product: the product of two covariances of order n^2 would
        // overflow a long from n of about 55,000 on (QQP's dev split has 40,430 examples, MNLI's train 392,702).
        return covTruePredicted / (Math.sqrt(covTrueTrue) * Math.sqrt(covPredictedPredicted));
    }
}
