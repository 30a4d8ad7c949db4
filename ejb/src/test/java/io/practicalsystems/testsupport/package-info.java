/** Test support shared by every package's tests: QuickTheories generators the library does not ship. */
package io.practicalsystems.testsupport;
