/** The HTTP edge of the county's industries, towns, skills and vocabularies. */
@NullMarked
package dev.duijie.referencedata.web;

import org.jspecify.annotations.NullMarked;
