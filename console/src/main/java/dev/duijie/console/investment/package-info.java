/** The returning-hometown investor's screens: its inbox of fitting projects, interests and investment offers. */
@NullMarked
package dev.duijie.console.investment;

import org.jspecify.annotations.NullMarked;
