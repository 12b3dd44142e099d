/** The append-only audit trail: who changed what, when, with the state before and after. */
@NullMarked
package dev.duijie.audit;

import org.jspecify.annotations.NullMarked;
