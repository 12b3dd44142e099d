/**
 * What lenders offer: banks' loan products and guarantee companies' guarantee products, each with the
 * lifecycle draft → active → paused → retired. Only verified organizations activate; only the owner edits.
 */
@NullMarked
package dev.duijie.offer;

import org.jspecify.annotations.NullMarked;
