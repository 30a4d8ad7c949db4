/** The nightly click-rollup job: its steps, reader, writer and the scheduler that starts it on one server. */
package io.practicalsystems.shortener.batch;
