/**
 * The talent marketplace: talents' profiles (contact data shown only to the talent and to enterprises the
 * talent applied to), enterprises' talent needs, and applications with their pipeline and referrals.
 */
@NullMarked
package dev.duijie.talent;

import org.jspecify.annotations.NullMarked;
