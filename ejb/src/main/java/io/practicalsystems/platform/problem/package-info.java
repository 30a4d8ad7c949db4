/** RFC 9457 problem details: the one error body of every answer, and the servlet that writes them for the container. */
package io.practicalsystems.platform.problem;
