/** Chinese first, English on request, remembered per person. */
@NullMarked
package dev.duijie.console.language;

import org.jspecify.annotations.NullMarked;
