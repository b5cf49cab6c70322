/**
 * GLUE tasks as plugins. Each {@link io.bertlab.api.glue.GlueTask} service brings its dataset reader, its head
 * (classification or regression), its official metrics and its leaderboard submission writer; a runner fine-tunes
 * and evaluates any installed task on any installed engine.
 */
@Export
@Version("2.0.0")
package io.bertlab.api.glue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
