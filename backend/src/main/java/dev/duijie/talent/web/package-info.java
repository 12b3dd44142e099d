/** The HTTP edge of talent profiles, needs, applications and referrals. */
@NullMarked
package dev.duijie.talent.web;

import org.jspecify.annotations.NullMarked;
