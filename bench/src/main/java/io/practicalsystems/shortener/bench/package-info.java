/** The URL shortener's load tools for bench/shortener-load.sh: the database floor that link creates are held to. */
package io.practicalsystems.shortener.bench;
