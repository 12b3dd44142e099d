/** The duijie (对接) backend: a county's talent and financing marketplace, one package per feature. */
@NullMarked
package dev.duijie;

import org.jspecify.annotations.NullMarked;
