package io.github.cameltextme.otp.limit;

/**
 * An {@link InMemoryLimitStore} holds its bound of keys, each a count that restricts a phone, a client or the account,
 * so it takes no new key: the exchange that needed one is refused rather than a count forgotten.
 */
public final class LimitStoreFullException extends RuntimeException {

    LimitStoreFullException(long maxKeys) {
        super("this JVM's memory holds its " + maxKeys + " keys, each a count that restricts a phone, a client or the"
              + " account until its window has passed");
    }
}
