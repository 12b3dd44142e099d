/** The HTTP edge of loan products, guarantee products, investment offers and investors' interest. */
@NullMarked
package dev.duijie.offer.web;

import org.jspecify.annotations.NullMarked;
