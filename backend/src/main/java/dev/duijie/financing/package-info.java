/** Financing requests: an enterprise posts what it needs; verified lenders see the open ones. */
@NullMarked
package dev.duijie.financing;

import org.jspecify.annotations.NullMarked;
