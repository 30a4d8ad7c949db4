/** Liberty's trust association interceptor that throttles failed sign-ins on Liberty's own web applications. */
package io.practicalsystems.platform.loginthrottle.liberty;
