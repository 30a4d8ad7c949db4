/** What every system shares; here, the rule for reaching a backing service or starting one, and where each runs. */
package io.practicalsystems.platform;
