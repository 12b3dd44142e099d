package dev.duijie.organization;

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z); the last is a check character over the first 17.
 */
public record CreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid unified social credit code: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        if (candidate.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        return candidate.charAt(17) == checkCharacter(candidate.substring(0, 17));
    }

    /** A complete code from its first 17 characters (each must be in the alphabet). */
    public static CreditCode completing(String first17) {
        return new CreditCode(first17 + checkCharacter(first17));
    }

    /** The check character for the first 17 characters (each must be in the alphabet). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
