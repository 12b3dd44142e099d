/** The console: the browser's only server, one package per kind of work people do in it. */
@NullMarked
package dev.duijie.console;

import org.jspecify.annotations.NullMarked;
