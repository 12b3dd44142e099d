/**
 * What the other side offers: banks' loan products, guarantee companies' guarantee products and returning-
 * hometown investors' investment offers (with their interest in open requests), each with the lifecycle
 * draft → active → paused → retired. Only verified organizations activate; only the owner edits.
 */
@NullMarked
package dev.duijie.offer;

import org.jspecify.annotations.NullMarked;
