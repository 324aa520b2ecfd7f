package io.github.cameltextme.otp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one API request into one answer: parses the JSON body, picks the command by its single root element,
 * authenticates, and runs the command. Never throws for bad input; every problem becomes a status.
 */
final class ApiDispatcher {

    private final Map<String, ApiCommand> commands;
    private final Accounts accounts;

    ApiDispatcher(Map<String, ApiCommand> commands, Accounts accounts) {
        this.commands = Map.copyOf(commands);
        this.accounts = accounts;
    }

    ApiResponse dispatch(String method, byte[] body, List<String> authorizationHeaders, boolean dryRun) {
        try {
            if (!"POST".equals(method)) {
                throw new ApiFailure(ApiStatus.INVALID_COMMAND, "not a valid command: send a POST with a JSON body");
            }
            JsonNode root = JsonCodec.parse(body)
                    .filter(JsonNode::isObject)
                    .orElseThrow(() -> new ApiFailure(ApiStatus.UNPARSABLE_REQUEST, "could not parse the request: expected a JSON object"));
            if (root.size() != 1) {
                throw new ApiFailure(ApiStatus.INVALID_COMMAND, "not a valid command: expected exactly one root element");
            }
            String name = root.fieldNames().next();
            ApiCommand command = Optional.ofNullable(commands.get(name))
                    .orElseThrow(() -> new ApiFailure(ApiStatus.INVALID_COMMAND, "not a valid command: " + name));
            JsonNode fieldsNode = root.get(name);
            if (!fieldsNode.isObject()) {
                throw new ApiFailure(ApiStatus.UNPARSABLE_REQUEST, "could not parse the request: " + name + " must be an object");
            }
            CommandFields fields = new CommandFields(name, fieldsNode);
            String username = accounts.authenticate(authorizationHeaders, fields);
            return command.execute(username, fields, dryRun);
        } catch (ApiFailure failure) {
            return ApiResponse.failure(failure.status(), failure.getMessage());
        }
    }
}
