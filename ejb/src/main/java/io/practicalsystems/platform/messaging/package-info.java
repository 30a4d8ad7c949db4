/** Operational platform events over JMS: best-effort publishing and a listener that logs them. */
package io.practicalsystems.platform.messaging;
