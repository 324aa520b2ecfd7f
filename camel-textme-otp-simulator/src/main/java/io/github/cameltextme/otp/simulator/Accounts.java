package io.github.cameltextme.otp.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accounts (username and API token pairs) the simulator knows, and the API's authentication:
 * an {@code Authorization: Bearer <token>} header and {@code user.username} in the body, naming the token's owner.
 */
final class Accounts {

    private static final Pattern BEARER = Pattern.compile("Bearer\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> usernameByToken;
    private final String firstUsername;
    private final String firstToken;

    /** @param tokenByUsername the accounts in the order they were configured; not empty */
    Accounts(Map<String, String> tokenByUsername) {
        if (tokenByUsername.isEmpty()) {
            throw new IllegalArgumentException("at least one account is needed");
        }
        Map<String, String> owners = new LinkedHashMap<>();
        tokenByUsername.forEach((username, token) -> {
            if (owners.putIfAbsent(token, username) != null) {
                throw new IllegalArgumentException("two accounts share one API token; each token belongs to one username");
            }
        });
        this.usernameByToken = Map.copyOf(owners);
        Map.Entry<String, String> first = tokenByUsername.entrySet().iterator().next();
        this.firstUsername = first.getKey();
        this.firstToken = first.getValue();
    }

    String firstUsername() {
        return firstUsername;
    }

    String firstToken() {
        return firstToken;
    }

    /**
     * Returns the authenticated username. Fails with 3 for a missing or unknown token, 2 for a missing username,
     * 11 when the token belongs to another username.
     */
    String authenticate(List<String> authorizationHeaders, CommandFields fields) {
        String owner = bearerToken(authorizationHeaders)
                .map(usernameByToken::get)
                .orElseThrow(() -> new ApiFailure(ApiStatus.BAD_CREDENTIALS, "username or API token incorrect"));
        String username = fields.username();
        if (!username.equals(owner)) {
            throw new ApiFailure(ApiStatus.TOKEN_USERNAME_MISMATCH, "the API token does not match the username");
        }
        return username;
    }

    private static Optional<String> bearerToken(List<String> authorizationHeaders) {
        if (authorizationHeaders == null || authorizationHeaders.size() != 1) {
            return Optional.empty();
        }
        Matcher matcher = BEARER.matcher(authorizationHeaders.get(0));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
