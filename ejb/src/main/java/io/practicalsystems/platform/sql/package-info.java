/** The SQL schema's versioned migrations, run once at start-up, and which database the datasource really reaches. */
package io.practicalsystems.platform.sql;
