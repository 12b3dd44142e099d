/** The HTTP edge of the search indices: the regulator's rebuild. */
@NullMarked
package dev.duijie.search.web;

import org.jspecify.annotations.NullMarked;
