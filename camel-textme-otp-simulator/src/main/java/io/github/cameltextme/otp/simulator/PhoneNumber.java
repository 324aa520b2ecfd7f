package io.github.cameltextme.otp.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Israeli mobile number in the API's forms only: {@code 5XXXXXXXX} or {@code 05XXXXXXXX}.
 *
 * @param canonical the nine national digits, starting with 5; the key codes are stored under
 */
record PhoneNumber(String canonical) {

    private static final Pattern API_FORM = Pattern.compile("0?(5\\d{8})");

    static Optional<PhoneNumber> parse(String text) {
        Matcher matcher = API_FORM.matcher(text);
        return matcher.matches() ? Optional.of(new PhoneNumber(matcher.group(1))) : Optional.empty();
    }

    /** The form shown in the inbox: {@code 05XXXXXXXX}. */
    String national() {
        return "0" + canonical;
    }
}
