package io.github.cameltextme.otp;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.distributed.proxy.AbstractProxyManager;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.MutableBucketEntry;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.remote.Request;

/**
 * A Bucket4j store in this JVM, with the asynchronous API, that counts the commands it receives and that a test
 * stalls after any number of them: the
 * commands that come while it stalls are held, unanswered, and applied in order when it wakes, as Redis applies the
 * commands of a client after {@code DEBUG SLEEP} or as Lettuce replays them on reconnecting. Like the component's
 * stores, it drops a bucket that is full again.
 */
final class StallingStore extends AbstractProxyManager<String> {

    private final Map<String, RemoteBucketState> buckets = new ConcurrentHashMap<>();
    private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger commandsLeft = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger commandsReceived = new AtomicInteger();

    StallingStore() {
        super(ClientSideConfig.getDefault());
    }

    /** Answers this many more commands, then holds every later one until {@link #wake()}. */
    void stallAfter(int commands) {
        commandsLeft.set(commands);
    }

    /** Applies the held commands in the order they came, answers them, and answers every later command at once. */
    void wake() {
        commandsLeft.set(Integer.MAX_VALUE);
        for (Runnable command = held.poll(); command != null; command = held.poll()) {
            command.run();
        }
    }

    /** The commands held now. */
    int heldCommands() {
        return held.size();
    }

    /** The commands received so far, answered or held. */
    int commandsReceived() {
        return commandsReceived.get();
    }

    /** The keys whose bucket is not full. */
    int keys() {
        return buckets.size();
    }

    @Override
    protected <T> CommandResult<T> execute(String key, Request<T> request) {
        return apply(key, request);
    }

    @Override
    protected <T> CompletableFuture<CommandResult<T>> executeAsync(String key, Request<T> request) {
        commandsReceived.incrementAndGet();
        if (commandsLeft.getAndDecrement() > 0) {
            return CompletableFuture.completedFuture(apply(key, request));
        }
        CompletableFuture<CommandResult<T>> answer = new CompletableFuture<>();
        held.add(() -> answer.complete(apply(key, request)));
        return answer;
    }

    private synchronized <T> CommandResult<T> apply(String key, Request<T> request) {
        long now = System.currentTimeMillis() * 1_000_000L;
        RemoteBucketState state = buckets.get(key);
        MutableBucketEntry entry = new MutableBucketEntry(state == null ? null : state.copy());
        CommandResult<T> result = request.getCommand().execute(entry, now);
        if (entry.isStateModified()) {
            if (!entry.exists() || entry.get().calculateFullRefillingTime(now) <= 0) {
                buckets.remove(key);
            } else {
                buckets.put(key, entry.get());
            }
        }
        return result;
    }

    @Override
    public void removeProxy(String key) {
        buckets.remove(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        buckets.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }
}
