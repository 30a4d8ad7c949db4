/** JMH benchmarks of the ID generator. */
package io.practicalsystems.idgen.bench;
