/**
 * GLUE's metrics as {@link io.bertlab.api.glue.Metric} services, each a Declarative Services component registered
 * with {@value io.bertlab.api.glue.Metric#METRIC} set to its name, computing what scikit-learn and SciPy compute
 * (a private package: the bundle exports nothing).
 *
 * <p>Classification metrics ({@link io.bertlab.glue.metrics.Accuracy}, {@link io.bertlab.glue.metrics.BinaryF1},
 * {@link io.bertlab.glue.metrics.MacroF1}, {@link io.bertlab.glue.metrics.MatthewsCorrelation}) share
 * {@link io.bertlab.glue.metrics.ClassificationMetric} and one {@link io.bertlab.glue.metrics.ConfusionMatrix};
 * regression metrics ({@link io.bertlab.glue.metrics.PearsonCorrelation},
 * {@link io.bertlab.glue.metrics.SpearmanCorrelation}, {@link io.bertlab.glue.metrics.MeanSquaredError}) share
 * {@link io.bertlab.glue.metrics.RegressionMetric}, {@link io.bertlab.glue.metrics.Correlation},
 * {@link io.bertlab.glue.metrics.Ranks} and {@link io.bertlab.glue.metrics.CompensatedSum}. Inputs are checked once,
 * by {@link io.bertlab.glue.metrics.MetricInputs}.
 */
package io.bertlab.glue.metrics;
