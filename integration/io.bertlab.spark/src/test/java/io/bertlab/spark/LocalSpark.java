package io.bertlab.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} session for every test class of the JVM: two executor threads in this JVM, so that the model
 * cache, the task threads sharing a model and the serialisation of every function are exercised as on a cluster,
 * minus the network.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("bertlab-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
