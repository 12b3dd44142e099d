/** The integrators' API reference: the contract rendered for a bank's IT team, readable without signing in. */
@NullMarked
package dev.duijie.console.reference;

import org.jspecify.annotations.NullMarked;
