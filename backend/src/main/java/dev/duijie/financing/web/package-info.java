/** The HTTP edge of financing requests and the open market lenders search. */
@NullMarked
package dev.duijie.financing.web;

import org.jspecify.annotations.NullMarked;
