/** Failed sign-ins counted per client, and the credentials they carry; plain Java shared by the app and Liberty. */
package io.practicalsystems.platform.loginthrottle;
