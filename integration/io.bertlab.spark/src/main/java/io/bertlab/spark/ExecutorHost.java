package io.bertlab.spark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.spark.SparkEnv;

/** Where this JVM runs, as a failure message names it: the host and, inside Spark, the executor. */
final class ExecutorHost {

    private ExecutorHost() {
    }

    /** @return e.g. {@code host worker-7 (executor 3)}, or {@code host laptop (executor driver)} in local mode */
    static String describe() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        SparkEnv env = SparkEnv.get();
        return "host " + host + (env == null ? "" : " (executor " + env.executorId() + ")");
    }
}
