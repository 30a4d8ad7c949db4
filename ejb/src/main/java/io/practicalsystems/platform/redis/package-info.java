/**
 * The server's Redis connection pools (and the embedded redis-server when none answers), plus Lua scripts run by SHA.
 */
package io.practicalsystems.platform.redis;
