/** What every system shares; here, the rule for reaching a backing service or starting an embedded one. */
package io.practicalsystems.platform;
