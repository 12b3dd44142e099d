/** The county's reference data: industries and regions (towns). */
@NullMarked
package dev.duijie.referencedata;

import org.jspecify.annotations.NullMarked;
