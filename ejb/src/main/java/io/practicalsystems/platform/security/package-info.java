/** Checks of the server's security configuration, such as the admin credentials, made at start-up. */
package io.practicalsystems.platform.security;
