/**
 * The GLUE tasks as {@link io.bertlab.api.glue.GlueTask} services, one small DS component per task.
 *
 * <p>All tasks share one reader ({@link io.bertlab.glue.tasks.GlueTsvReader}) and one submission writer
 * ({@link io.bertlab.glue.tasks.SubmissionWriter}); what differs between tasks is data, not code: the column layout
 * of each split's file ({@link io.bertlab.glue.tasks.TsvLayout}) and the task's labels, metrics and leaderboard
 * file names, all gathered in {@link io.bertlab.glue.tasks.GlueTaskDefinitions}. The package is private: other
 * bundles use the tasks through the service registry only.
 */
package io.bertlab.glue.tasks;
