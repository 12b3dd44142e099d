/** Each role's home page: what needs this person now. */
@NullMarked
package dev.duijie.console.home;

import org.jspecify.annotations.NullMarked;
