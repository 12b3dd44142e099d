/**
 * Ranked, explained matching in Elasticsearch: hard eligibility is a filter that is never violated; soft
 * factors rank; every result says why, factor by factor, with the same formulas the query scores with.
 */
@NullMarked
package dev.duijie.matching;

import org.jspecify.annotations.NullMarked;
