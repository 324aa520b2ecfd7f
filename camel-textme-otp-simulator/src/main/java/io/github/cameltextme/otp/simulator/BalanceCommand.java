package io.github.cameltextme.otp.simulator;

import java.util.Map;

/** {@code balance}: a made-up, constant balance, so clients can probe their credentials without sending an SMS. */
final class BalanceCommand implements ApiCommand {

    static final int SMS_BALANCE = 1000;

    @Override
    public ApiResponse execute(String username, CommandFields fields, boolean dryRun) {
        return ApiResponse.success("balance of " + username).with("balance", Map.of("sms", SMS_BALANCE));
    }
}
