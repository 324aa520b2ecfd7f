package io.github.cameltextme.otp.simulator;

/** One operation of the API, chosen by the root element of the request body. */
interface ApiCommand {

    /**
     * Runs the command for an authenticated account.
     *
     * @param dryRun true on {@code /api/test}: same checks and answers, but nothing stored, sent or spent
     * @throws ApiFailure for every API-level failure
     */
    ApiResponse execute(String username, CommandFields fields, boolean dryRun);
}
