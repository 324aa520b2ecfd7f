package io.github.cameltextme.otp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Randomized checks of the phone and code normalizers: for every generated raw value, {@link TextMeOtpInputRules#phone}
 * and {@link TextMeOtpInputRules#code} either return a well-formed canonical value or throw a
 * {@link TextMeOtpValidationException} - never another exception, never a malformed value, and the rejection never
 * shows a code or a whole phone number.
 * <p>
 * Every method uses a fixed seed, printed with the number of cases; a failure names the seed, the case index and the
 * input as a Java literal. {@code -Dtextme.otp.randomized.seed=N} runs every method with seed N instead.
 */
class TextMeOtpInputRulesRandomizedTest {

    private static final String SEED_PROPERTY = "textme.otp.randomized.seed";
    private static final int CASES = 25_000;
    private static final int OBJECT_CASES = 10_000;
    private static final int MAX_PHONE_INPUT_LENGTH = 32;

    private static final Pattern CANONICAL_PHONE = Pattern.compile("05[0-9]{8}");
    private static final Pattern CANONICAL_CODE = Pattern.compile("[0-9]{6}");

    /** Separators people put between the digit groups of a phone number. */
    private static final String[] PHONE_SEPARATORS = { " ", " ", "-", "-", ".", "  ", " - " };
    /** Ways people write the country code in place of the trunk 0. */
    private static final String[] COUNTRY_PREFIXES = { "+972", "+972", "972", "00972", "00972", "00 972", "00-972" };
    /** Whitespace that {@link String#strip()} removes ({@link Character#isWhitespace}), ASCII and not. */
    private static final char[] STRIPPED_WHITESPACE = {
            ' ', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u001C', '\u001F', '\u1680', '\u2003', '\u2028', '\u3000' };

    /** Invisible formatting characters (Unicode category Cf) that text copied out of Hebrew brings. */
    private static final char[] INVISIBLE = {
            '\u200E', '\u200F', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202A', '\u202B', '\u202C', '\u2066',
            '\u2067', '\u2069', '\u061C' };
    private static final char[] NO_BREAK_SPACES = { '\u00A0', '\u202F', '\u2007' };

    private static final int[] ASCII_DIGITS = range('0', '9');
    private static final int[] OTHER_DIGITS = concat(
            range('\u0660', '\u0669'), // Arabic-Indic, e.g. '\u0663'
            range('\u06F0', '\u06F9'), // Extended Arabic-Indic
            range('\u0966', '\u096F'), // Devanagari
            range('\uFF10', '\uFF19'), // fullwidth, e.g. '\uFF15'
            range(0x1D7CE, 0x1D7D7), // mathematical bold digits: surrogate pairs
            new int[] { '\u00B2', '\u00B9', '\u2460', '\u2155' }); // superscripts, circled, fractions: not Nd
    private static final int[] LETTERS = concat(range('a', 'z'), range('A', 'Z'),
            new int[] { '\u05D0', '\u05E9', '\u00E9', '\u0130', '\u03BF', '\u041E' }); // Hebrew, accents, O look-alikes
    private static final int[] WHITESPACE = {
            ' ', '\t', '\n', '\r', '\u000B', '\f', '\u001C', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2007', '\u200A',
            '\u200B', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF' };
    private static final int[] EMOJI = { 0x1F600, 0x1F4F1, 0x1F1EE, 0x1F1F1, 0x2764, 0xFE0F, 0x200D, 0x1F44D, 0x1F3FD };
    private static final int[] CONTROLS = concat(range(0x00, 0x1F), range(0x7F, 0x9F),
            new int[] { '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\uFFFD', '\uFFFE', '\uFFFF' });
    private static final int[] PUNCTUATION = {
            '+', '+', '-', '.', '(', ')', '/', '_', ',', '#', '*', '[', ']', '\'', '"', '\\', '%', '\u2010', '\u2013',
            '\u2212', '\uFF0B', '\uFE63', '\uFF08', '\uFF09' };
    private static final int[][] NASTY = { ASCII_DIGITS, OTHER_DIGITS, LETTERS, WHITESPACE, EMOJI, CONTROLS, PUNCTUATION };

    // ---------------------------------------------------------------------------------------------------- phones

    @Test
    void phonesWrittenTheWaysPeopleWriteThemBecomeTheExpectedCanonicalNumber() {
        run("phone, written", 0x5EED_0001L, CASES, TextMeOtpInputRulesRandomizedTest::checkPhone, r -> {
            String national = nationalNumber(r);
            return Case.accepted(writtenPhone(r, national), "0" + national, national);
        });
    }

    @Test
    void phonesCopiedFromHebrewTextBecomeTheExpectedCanonicalNumber() {
        run("phone, copied from Hebrew text, written", 0x5EED_0005L, CASES, TextMeOtpInputRulesRandomizedTest::checkPhone, r -> {
            String national = nationalNumber(r);
            return Case.accepted(copiedFromHebrewText(r, writtenPhone(r, national)), "0" + national, national);
        });
    }

    @Test
    void mutatedPhonesAreCanonicalOrRejected() {
        run("phone, mutated", 0x5EED_0002L, CASES, TextMeOtpInputRulesRandomizedTest::checkPhone, r -> {
            String national = nationalNumber(r);
            String start = r.nextInt(4) == 0 ? "0" + national : writtenPhone(r, national);
            return Case.any(mutate(r, start), national);
        });
    }

    @Test
    void randomTextAsPhoneIsCanonicalOrRejected() {
        run("phone, random text", 0x5EED_0003L, CASES, TextMeOtpInputRulesRandomizedTest::checkPhone, r -> {
            if (r.nextBoolean()) {
                return Case.any(randomCodePoints(r, 40), null);
            }
            // mostly digits and the allowed signs, often after a real prefix: enough of these are accepted
            String[] starts = { "", "0", "05", "+972", "972", "00972", "+", "+9725", "(0", "0097205" };
            StringBuilder text = new StringBuilder(starts[r.nextInt(starts.length)]);
            int length = r.nextInt(36);
            while (text.length() < length) {
                text.append(r.nextInt(3) == 0 ? " -.()+ ".charAt(r.nextInt(7)) : (char) ('0' + r.nextInt(10)));
            }
            return Case.any(text.toString(), null);
        });
    }

    @Test
    void otherKindsOfValuesAsPhoneAreCanonicalOrRejected() {
        run("phone, other objects", 0x5EED_0004L, OBJECT_CASES, TextMeOtpInputRulesRandomizedTest::checkPhone, r -> {
            String national = nationalNumber(r);
            long nationalValue = Long.parseLong(national);
            return switch (r.nextInt(20)) {
                case 0 -> Case.rejected(null);
                case 1 -> Case.rejected(new Object());
                case 2 -> Case.rejected(r.nextBoolean());
                case 3 -> Case.rejected(Optional.of("0" + national));
                case 4 -> Case.rejected(List.of("0" + national));
                case 5 -> Case.any(r.nextBoolean()
                        ? ("0" + national).getBytes(StandardCharsets.US_ASCII) : randomBytes(r), national);
                case 6 -> Case.any(("0" + national).toCharArray(), national);
                case 7 -> Case.any(r.nextBoolean() ? (double) nationalValue : r.nextDouble() * 1e12, national);
                case 8 -> Case.any(r.nextBoolean() ? new BigDecimal(nationalValue) : (Object) (float) nationalValue, national);
                case 9 -> Case.accepted((int) nationalValue, "0" + national, national);
                case 10 -> Case.accepted(r.nextBoolean() ? nationalValue : 972_000_000_000L + nationalValue,
                        "0" + national, national);
                case 11 -> Case.accepted(BigInteger.valueOf(r.nextBoolean() ? nationalValue : 972_000_000_000L + nationalValue),
                        "0" + national, national);
                case 12 -> Case.any(r.nextInt(), null);
                case 13 -> Case.any(r.nextLong(), null);
                case 14 -> Case.any(r.nextBoolean() ? (Object) (short) r.nextInt() : (Object) (byte) r.nextInt(), null);
                case 15 -> Case.any(new BigInteger(1 + r.nextInt(200), new java.util.Random(r.nextLong()))
                        .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)), null);
                case 16 -> Case.accepted(new StringBuilder(writtenPhone(r, national)), "0" + national, national);
                case 17 -> Case.any(CharBuffer.wrap(mutate(r, writtenPhone(r, national))), national);
                case 18 -> Case.any(r.nextBoolean() ? new AtomicLong(nationalValue) : (Object) (char) ('0' + r.nextInt(10)),
                        national);
                default -> Case.any(nationalValue + (r.nextInt(21) - 10) * pow10(r.nextInt(11)), national);
            };
        });
    }

    private static boolean checkPhone(Case c) {
        String result;
        try {
            result = TextMeOtpInputRules.phone(c.raw());
        } catch (TextMeOtpValidationException e) {
            if (c.expected() != null) {
                fail("rejected, expected " + c.expected() + "; message: " + escape(e.getMessage()), e);
            }
            assertEquals("phone", e.getField(), "the field of the rejection");
            assertTrue(e.getMessage() != null && e.getMessage().startsWith("Invalid phone: "),
                    () -> "message " + escape(e.getMessage()));
            assertNoDigitsLeak(e.getMessage(), inputText(c.raw()), 9, c.secret());
            return false;
        } catch (Throwable t) {
            return fail("threw " + escape(t.toString()) + " instead of a TextMeOtpValidationException", t);
        }
        assertTrue(result != null && CANONICAL_PHONE.matcher(result).matches(),
                () -> "accepted as a malformed phone " + describe(result));
        if (c.expected() != null) {
            assertEquals(c.expected(), result, "the canonical value");
        }
        if (c.mustReject()) {
            fail("accepted as " + result + " but no such value is a phone");
        }
        String text = textOf(c.raw());
        if (text != null) {
            // whatever was accepted is made of digits and the allowed signs, and ends with the national digits
            text.codePoints()
                    .filter(cp -> !Character.isDigit(cp) && !isBlankWhenCopied(cp) && "+-.()".indexOf(cp) < 0)
                    .findFirst()
                    .ifPresent(cp -> fail("accepted as " + result + " despite " + escape(Character.toString(cp))));
            String digits = asciiDigitsOf(text);
            assertTrue(digits.length() >= 9 && result.equals("0" + digits.substring(digits.length() - 9)),
                    () -> "accepted as " + result + ", which is not 0 and the last 9 digits of the input");
        }
        assertEquals(result, TextMeOtpInputRules.phone(result), "the canonical form is not stable");
        return true;
    }

    // ---------------------------------------------------------------------------------------------------- codes

    @Test
    void sixDigitCodesAreKeptWithTheirLeadingZeros() {
        run("code, valid", 0xC0DE_0001L, CASES, TextMeOtpInputRulesRandomizedTest::checkCode, r -> {
            String code = randomCode(r);
            String written = r.nextInt(3) == 0 ? whitespace(r) + code + whitespace(r) : code;
            return Case.accepted(written, code, code);
        });
    }

    @Test
    void codesCopiedFromHebrewTextKeepTheirDigits() {
        run("code, copied from Hebrew text, valid", 0xC0DE_0005L, CASES, TextMeOtpInputRulesRandomizedTest::checkCode, r -> {
            String code = randomCode(r);
            return Case.accepted(copiedFromHebrewText(r, code), code, code);
        });
    }

    @Test
    void mutatedCodesAreSixDigitsOrRejected() {
        run("code, mutated", 0xC0DE_0002L, CASES, TextMeOtpInputRulesRandomizedTest::checkCode, r -> {
            String code = randomCode(r);
            String start = r.nextInt(4) == 0 ? whitespace(r) + code + whitespace(r) : code;
            return Case.any(mutate(r, start), code);
        });
    }

    @Test
    void randomTextAsCodeIsSixDigitsOrRejected() {
        run("code, random text", 0xC0DE_0003L, CASES, TextMeOtpInputRulesRandomizedTest::checkCode, r -> {
            if (r.nextBoolean()) {
                return Case.any(randomCodePoints(r, 20), null);
            }
            StringBuilder text = new StringBuilder();
            int length = r.nextInt(10);
            while (text.length() < length) {
                text.append(r.nextInt(6) == 0 ? " \t-+.".charAt(r.nextInt(5)) : (char) ('0' + r.nextInt(10)));
            }
            return Case.any(text.toString(), null);
        });
    }

    @Test
    void otherKindsOfValuesAsCodeAreSixDigitsOrRejected() {
        run("code, other objects", 0xC0DE_0004L, OBJECT_CASES, TextMeOtpInputRulesRandomizedTest::checkCode, r -> {
            String code = randomCode(r);
            int sixDigits = 100_000 + r.nextInt(900_000);
            return switch (r.nextInt(18)) {
                case 0 -> Case.rejected(null);
                case 1 -> Case.rejected(new Object());
                case 2 -> Case.rejected(r.nextBoolean());
                case 3 -> Case.rejected(Optional.of(code));
                case 4 -> Case.rejected(List.of(code));
                case 5 -> Case.any(r.nextBoolean() ? code.getBytes(StandardCharsets.US_ASCII) : randomBytes(r), code);
                case 6 -> Case.any(code.toCharArray(), code);
                case 7 -> Case.any(r.nextBoolean() ? (Object) (double) sixDigits : (Object) (float) sixDigits, null);
                case 8 -> Case.any(r.nextBoolean() ? new BigDecimal(code) : new AtomicInteger(sixDigits), code);
                case 9 -> Case.accepted(sixDigits, String.valueOf(sixDigits), null);
                case 10 -> Case.accepted((long) sixDigits, String.valueOf(sixDigits), null);
                case 11 -> Case.accepted(BigInteger.valueOf(sixDigits), String.valueOf(sixDigits), null);
                case 12 -> Case.any(r.nextInt(100_000), null); // a code that lost its leading zeros
                case 13 -> Case.any(r.nextInt(), null);
                case 14 -> Case.any(r.nextBoolean() ? (Object) r.nextLong() : (Object) (long) -sixDigits, null);
                case 15 -> Case.any(r.nextBoolean() ? (Object) (short) r.nextInt() : (Object) (byte) r.nextInt(), null);
                case 16 -> Case.accepted(new StringBuilder(code), code, code);
                default -> Case.any(BigInteger.valueOf(sixDigits).multiply(BigInteger.TEN.pow(r.nextInt(30)))
                        .add(BigInteger.valueOf(r.nextInt(10))), null);
            };
        });
    }

    private static boolean checkCode(Case c) {
        String result;
        try {
            result = TextMeOtpInputRules.code(c.raw());
        } catch (TextMeOtpValidationException e) {
            if (c.expected() != null) {
                fail("rejected, expected " + c.expected() + "; message: " + escape(e.getMessage()), e);
            }
            assertEquals("code", e.getField(), "the field of the rejection");
            assertTrue(e.getMessage() != null && e.getMessage().startsWith("Invalid code: "),
                    () -> "message " + escape(e.getMessage()));
            assertNoDigitsLeak(e.getMessage(), inputText(c.raw()), 6, c.secret());
            return false;
        } catch (Throwable t) {
            return fail("threw " + escape(t.toString()) + " instead of a TextMeOtpValidationException", t);
        }
        assertTrue(result != null && CANONICAL_CODE.matcher(result).matches(),
                () -> "accepted as a malformed code " + describe(result));
        if (c.expected() != null) {
            assertEquals(c.expected(), result, "the canonical value");
        }
        if (c.mustReject()) {
            fail("accepted as " + result + " but no such value is a code");
        }
        if (isWholeNumber(c.raw())) {
            // never another number: 12345 must not become some other 6 digits, -123456 not 123456
            assertEquals(new BigInteger(c.raw().toString()), new BigInteger(result),
                    () -> "accepted as " + result + ", another number");
        } else if (c.raw() instanceof CharSequence) {
            String text = c.raw().toString();
            text.codePoints()
                    .filter(cp -> !Character.isDigit(cp) && !isBlankWhenCopied(cp))
                    .findFirst()
                    .ifPresent(cp -> fail("accepted as " + result + " despite " + escape(Character.toString(cp))));
            assertEquals(asciiDigitsOf(text), result, () -> "accepted as " + result + ", not the digits of the input");
        }
        assertEquals(result, TextMeOtpInputRules.code(result), "the canonical form is not stable");
        return true;
    }

    // ---------------------------------------------------------------------------------------------------- the run

    /**
     * A raw value; {@code expected} set when it must be accepted as exactly that, {@code mustReject} when nothing of its
     * kind can be a valid value, {@code secret} the phone's national digits or the code it came from, which a rejection
     * message must not show.
     */
    private record Case(Object raw, String expected, boolean mustReject, String secret) {
        static Case accepted(Object raw, String expected, String secret) {
            return new Case(raw, expected, false, secret);
        }

        static Case rejected(Object raw) {
            return new Case(raw, null, true, null);
        }

        static Case any(Object raw, String secret) {
            return new Case(raw, null, false, secret);
        }
    }

    private interface Check {
        /** Checks the case, and says whether it was accepted. */
        boolean check(Case c);
    }

    private static void run(String name, long defaultSeed, int cases, Check check, Function<SplittableRandom, Case> generator) {
        long seed = Long.getLong(SEED_PROPERTY, defaultSeed);
        SplittableRandom random = new SplittableRandom(seed);
        long started = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < cases; i++) {
            Case c = generator.apply(random);
            boolean ok;
            try {
                ok = check.check(c);
            } catch (AssertionError e) {
                throw new AssertionError(name + " [seed=" + seed + ", case=" + i + ", input=" + describe(c.raw()) + "]: "
                                         + e.getMessage(), e);
            }
            if (ok) {
                accepted++;
            }
        }
        System.out.printf("TextMeOtpInputRulesRandomizedTest %s: seed=%d, %d cases checked (%d accepted, %d rejected) in %d ms%n",
                name, seed, cases, accepted, cases - accepted, (System.nanoTime() - started) / 1_000_000);
        // the generators must reach both outcomes, or the checks above prove little
        assertTrue(accepted > 0, name + ": no case was accepted, seed=" + seed);
        assertTrue(accepted < cases || name.endsWith("valid") || name.endsWith("written"),
                name + ": no case was rejected, seed=" + seed);
    }

    // ---------------------------------------------------------------------------------------------------- generators

    /** The 9 national digits of an Israeli mobile number: 5 and 8 more. */
    /** Whitespace, an invisible formatting character or a no-break space: what the rules read past. */
    private static boolean isBlankWhenCopied(int cp) {
        return Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT
               || cp == '\u00A0' || cp == '\u2007' || cp == '\u202F';
    }

    private static String nationalNumber(SplittableRandom r) {
        return "5" + digits(r, 8);
    }

    /** The number as people write it: 0 or a country prefix, digit groups, separators, brackets, surrounding blanks. */
    private static String writtenPhone(SplittableRandom r, String national) {
        while (true) {
            boolean trunk = r.nextInt(3) > 0;
            String digits = trunk ? "0" + national : national;
            int areaEnd = trunk ? 3 : 2; // 052 or 52
            List<String> groups = new ArrayList<>();
            int from = 0;
            for (int i = 1; i < digits.length(); i++) {
                boolean cut = i == areaEnd ? r.nextInt(10) < 7 : r.nextInt(4) == 0;
                if (cut) {
                    groups.add(digits.substring(from, i));
                    from = i;
                }
            }
            groups.add(digits.substring(from));
            StringBuilder written = new StringBuilder();
            if (!trunk) {
                written.append(COUNTRY_PREFIXES[r.nextInt(COUNTRY_PREFIXES.length)]);
                written.append(new String[] { "", " ", " ", "-", "." }[r.nextInt(5)]);
            }
            boolean brackets = groups.get(0).length() == areaEnd && r.nextInt(4) == 0;
            for (int g = 0; g < groups.size(); g++) {
                if (g == 0 && brackets) {
                    written.append('(').append(groups.get(0)).append(')');
                    written.append(new String[] { "", " ", " ", "-" }[r.nextInt(4)]);
                    continue;
                }
                if (g > 0 && !(g == 1 && brackets)) {
                    written.append(PHONE_SEPARATORS[r.nextInt(PHONE_SEPARATORS.length)]);
                }
                written.append(groups.get(g));
            }
            if (written.length() <= MAX_PHONE_INPUT_LENGTH) {
                return r.nextInt(4) == 0 ? whitespace(r) + written + whitespace(r) : written.toString();
            }
        }
    }

    /** The text with invisible formatting characters put anywhere and some of its spaces made no-break spaces. */
    private static String copiedFromHebrewText(SplittableRandom r, String text) {
        StringBuilder copied = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            while (r.nextInt(4) == 0) {
                copied.append(INVISIBLE[r.nextInt(INVISIBLE.length)]);
            }
            if (i < text.length()) {
                char c = text.charAt(i);
                copied.append(c == ' ' && r.nextBoolean() ? NO_BREAK_SPACES[r.nextInt(NO_BREAK_SPACES.length)] : c);
            }
        }
        return copied.toString();
    }

    private static String randomCode(SplittableRandom r) {
        int zeros = r.nextInt(4) == 0 ? 1 + r.nextInt(6) : 0; // leading zeros, up to 000000
        return "0".repeat(zeros) + digits(r, 6 - zeros);
    }

    private static String digits(SplittableRandom r, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + r.nextInt(10)));
        }
        return digits.toString();
    }

    private static String whitespace(SplittableRandom r) {
        StringBuilder blanks = new StringBuilder();
        for (int i = r.nextInt(4); i > 0; i--) {
            blanks.append(STRIPPED_WHITESPACE[r.nextInt(STRIPPED_WHITESPACE.length)]);
        }
        return blanks.toString();
    }

    /**
     * One to three edits of the text: a character inserted, deleted or replaced (by a digit of another script, a letter,
     * unicode whitespace, an emoji, a control character, a lone surrogate...), two swapped, or the text made longer than
     * any valid input.
     */
    private static String mutate(SplittableRandom r, String original) {
        StringBuilder text = new StringBuilder(original);
        for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
            int at = r.nextInt(text.length() + 1);
            switch (r.nextInt(7)) {
                case 0, 1 -> text.insert(at, nasty(r));
                case 2 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 3, 4 -> {
                    if (at < text.length()) {
                        text.replace(at, at + 1, nasty(r));
                    } else {
                        text.append(nasty(r));
                    }
                }
                case 5 -> {
                    if (at + 1 < text.length()) {
                        char c = text.charAt(at);
                        text.setCharAt(at, text.charAt(at + 1));
                        text.setCharAt(at + 1, c);
                    }
                }
                default -> {
                    if (r.nextBoolean()) {
                        // blanks, separators or digits until it is longer than any valid input
                        String filler = new String[] { " ", "-", "0", "\u00A0", ".", "5" }[r.nextInt(6)];
                        int target = MAX_PHONE_INPUT_LENGTH + 1 + r.nextInt(40);
                        while (text.length() < target) {
                            text.insert(Math.min(at, text.length()), filler);
                        }
                    } else {
                        text.append(text.toString().repeat(1 + r.nextInt(4)));
                    }
                }
            }
        }
        return text.toString();
    }

    private static String nasty(SplittableRandom r) {
        if (r.nextInt(12) == 0) {
            return String.valueOf((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate
        }
        int[] pool = NASTY[r.nextInt(NASTY.length)];
        return Character.toString(pool[r.nextInt(pool.length)]);
    }

    /** Random code points of every kind, lone surrogates included. */
    private static String randomCodePoints(SplittableRandom r, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
            switch (r.nextInt(7)) {
                case 0 -> text.append((char) (0x20 + r.nextInt(0x5F)));
                case 1 -> text.append((char) ('0' + r.nextInt(10)));
                case 2 -> text.append(nasty(r));
                case 3 -> text.append((char) r.nextInt(0x10000)); // any UTF-16 unit, surrogates included
                case 4 -> text.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 5 -> text.append((char) (0xD800 + r.nextInt(0x800)));
                default -> text.append(" -.()+".charAt(r.nextInt(6)));
            }
        }
        return text.toString();
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] bytes = new byte[r.nextInt(16)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) r.nextInt(256);
        }
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------------- oracles

    /**
     * The rejection message shows no {@code window} digits in a row taken from the input's digits (any script, separators
     * between them ignored), and not the secret: a phone's 9 national digits, a code's 6 digits.
     */
    private static void assertNoDigitsLeak(String message, String input, int window, String secret) {
        List<String> shown = new ArrayList<>();
        for (String run : digitRuns(message)) {
            if (run.length() >= window) {
                shown.add(run);
            }
        }
        if (secret != null) {
            assertTrue(!message.contains(secret), () -> "the message shows " + secret + ": " + escape(message));
        }
        if (shown.isEmpty()) {
            return;
        }
        String digits = asciiDigitsOf(input);
        for (int i = 0; i + window <= digits.length(); i++) {
            String part = digits.substring(i, i + window);
            for (String run : shown) {
                assertTrue(!run.contains(part), () -> "the message shows " + part + ": " + escape(message));
            }
        }
    }

    /** The text the rules read from a CharSequence or a whole number, or {@code null} for any other value. */
    private static String textOf(Object raw) {
        if (raw instanceof CharSequence text) {
            return text.toString();
        }
        return isWholeNumber(raw) ? raw.toString() : null;
    }

    /** Any text form of the value, to look for it in a message. */
    private static String inputText(Object raw) {
        if (raw instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (raw instanceof char[] chars) {
            return new String(chars);
        }
        return String.valueOf(raw);
    }

    private static boolean isWholeNumber(Object raw) {
        return raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
               || raw instanceof BigInteger;
    }

    /** The decimal digits of the text, of any script, as ASCII digits in their order. */
    private static String asciiDigitsOf(String text) {
        StringBuilder digits = new StringBuilder();
        text.codePoints().filter(Character::isDigit).forEach(cp -> digits.append((char) ('0' + Character.digit(cp, 10))));
        return digits.toString();
    }

    /** The runs of consecutive decimal digits (any script) of the text, as ASCII digits. */
    private static List<String> digitRuns(String text) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isDigit(cp)) {
                run.append((char) ('0' + Character.digit(cp, 10)));
            } else if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
        });
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** The value as it can be written back in a test: its type and a Java literal. */
    private static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String text) {
            return "\"" + escape(text) + "\"";
        }
        if (raw instanceof CharSequence text) {
            return raw.getClass().getSimpleName() + " \"" + escape(text.toString()) + "\"";
        }
        if (raw instanceof byte[] bytes) {
            return "byte[] " + Arrays.toString(bytes);
        }
        if (raw instanceof char[] chars) {
            return "char[] \"" + escape(new String(chars)) + "\"";
        }
        return raw.getClass().getName() + " " + escape(String.valueOf(raw));
    }

    /** Printable ASCII as is, everything else (and quotes, backslashes) as Java escapes, one per UTF-16 unit. */
    private static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                escaped.append(c);
            } else {
                escaped.append(String.format("\\u%04X", (int) c));
            }
        }
        return escaped.toString();
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    private static int[] range(int first, int last) {
        int[] values = new int[last - first + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = first + i;
        }
        return values;
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
