/** The HTTP edge of matching: ranked, explained matches in both directions. */
@NullMarked
package dev.duijie.matching.web;

import org.jspecify.annotations.NullMarked;
