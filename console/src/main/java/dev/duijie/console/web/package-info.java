/** What every page shares: layout, money and dates as the county writes them, errors. */
@NullMarked
package dev.duijie.console.web;

import org.jspecify.annotations.NullMarked;
