/** The HTTP edge of the financing and talent dashboards. */
@NullMarked
package dev.duijie.dashboard.web;

import org.jspecify.annotations.NullMarked;
