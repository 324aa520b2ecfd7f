package io.github.cameltextme.otp.simulator;

/**
 * The {@code status} values the simulator answers. The vendor documents the meaning of each number;
 * where the vendor does not say which number a failure gets, the module README lists the simulator's choice.
 */
final class ApiStatus {

    static final int SUCCESS = 0;
    static final int UNPARSABLE_REQUEST = 1;
    static final int MISSING_FIELD = 2;
    static final int BAD_CREDENTIALS = 3;
    static final int BAD_DESTINATION = 9;
    static final int TOKEN_USERNAME_MISMATCH = 11;
    static final int UNVERIFIED_CODE = 12;
    static final int UNVERIFIED_SOURCE = 515;
    static final int MESSAGE_LENGTH = 989;
    static final int SOURCE_VALIDATION = 991;
    static final int USERNAME_VALIDATION = 993;
    static final int INVALID_COMMAND = 997;
    static final int INVALID_VALUE = 998;

    private ApiStatus() {
    }
}
