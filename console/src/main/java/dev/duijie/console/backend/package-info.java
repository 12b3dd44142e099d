/** The backend, reached only through the client generated from the contract, with the person's token. */
@NullMarked
package dev.duijie.console.backend;

import org.jspecify.annotations.NullMarked;
