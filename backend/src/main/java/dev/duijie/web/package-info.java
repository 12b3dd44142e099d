/**
 * Where an error becomes an answer: every refusal, from a controller, a filter or Tomcat itself, leaves as
 * application/problem+json in the caller's language (Chinese unless English is asked for); strict JSON types,
 * body limits, and successes always labelled application/json.
 */
@NullMarked
package dev.duijie.web;

import org.jspecify.annotations.NullMarked;
