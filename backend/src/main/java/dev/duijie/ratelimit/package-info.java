/** A request budget per caller, so one hostile or broken client cannot flood the API (429 past it). */
@NullMarked
package dev.duijie.ratelimit;

import org.jspecify.annotations.NullMarked;
