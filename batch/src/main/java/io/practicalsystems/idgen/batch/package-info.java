/** Batch jobs of the ID generator: the worker-lease report. */
package io.practicalsystems.idgen.batch;
