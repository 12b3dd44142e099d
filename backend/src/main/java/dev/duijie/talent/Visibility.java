package dev.duijie.talent;

/**
 * Who sees a talent's profile: public (everyone signed in, contact masked), anonymous (the same without the
 * name), hidden (only enterprises the talent applied to; never matched).
 */
public enum Visibility {
    PUBLIC,
    ANONYMOUS,
    HIDDEN
}
