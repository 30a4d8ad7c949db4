package io.practicalsystems.feed.account;

/**
 * A sign-up that passed every rule: a {@linkplain Handles handle}, a password of 8–128 characters and a display name
 * of at most 50 (the handle when none is given). Lengths count code points, so an emoji is one character whatever
 * its UTF-16 length. A display name is trimmed and may not contain control characters (line breaks included); a
 * password is taken exactly as sent, spaces and all.
 */
public record SignUp(String handle, String password, String displayName) {

    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 128;
    public static final int MAX_DISPLAY_NAME = 50;

    /** Checks the raw fields; throws {@link InvalidAccountInputException} naming the first field that breaks a rule. */
    public static SignUp validate(String handle, String password, String displayName) {
        String normalized = Handles.normalize(handle);
        if (password == null) {
            throw new InvalidAccountInputException("password", "a password is required: 8 to 128 characters");
        }
        if (!passwordLengthAllowed(password)) {
            throw new InvalidAccountInputException("password", "a password has 8 to 128 characters, this one has "
                    + password.codePointCount(0, password.length()));
        }
        return new SignUp(normalized, password, displayName(displayName, normalized));
    }

    /** Whether {@code password} is of a length a password may have (8–128 code points). */
    public static boolean passwordLengthAllowed(String password) {
        if (password.length() > 2 * MAX_PASSWORD) {
            return false; // more code points than allowed whatever they are; not worth counting
        }
        int length = password.codePointCount(0, password.length());
        return length >= MIN_PASSWORD && length <= MAX_PASSWORD;
    }

    private static String displayName(String raw, String handle) {
        if (raw == null || raw.isBlank()) {
            return handle;
        }
        String trimmed = raw.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_DISPLAY_NAME) {
            throw new InvalidAccountInputException("displayName", "a display name has at most 50 characters, this one "
                    + "has " + length);
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountInputException("displayName", "a display name may not contain control characters "
                    + "such as line breaks or tabs");
        }
        return trimmed;
    }

    @Override
    public String toString() {
        return "SignUp[handle=" + handle + ", displayName=" + displayName + "]"; // never the password
    }
}
