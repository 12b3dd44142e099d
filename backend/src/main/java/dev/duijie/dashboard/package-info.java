/**
 * Dashboards for the regulator and the talent bureau (晾晒成绩): financing and talent figures by month,
 * industry and region, counted straight from the records in PostgreSQL so they always agree with them.
 */
@NullMarked
package dev.duijie.dashboard;

import org.jspecify.annotations.NullMarked;
