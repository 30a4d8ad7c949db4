/** The administrator's credentials: a random password generated at first start when none is configured. */
package io.practicalsystems.platform.security;
