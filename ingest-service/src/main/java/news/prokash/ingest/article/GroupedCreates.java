package news.prokash.ingest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.ingest.article.NewArticleWriter.Draft;
import news.prokash.ingest.article.NewArticleWriter.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Group commit of concurrent single creates: the creates that arrive while a group is being written wait,
 * and the next group takes them all (up to {@code prokash.ingest.create-group}) into one transaction, one
 * batch of rows and one burst of sends ({@link NewArticleWriter}). Per create this saved a transaction, two
 * round trips to PostgreSQL and most of Kafka's per-request work. No timer: a create that finds no group
 * under way starts one at once, so a lone create waits for nothing but itself.
 *
 * <p>A group is written by one of the waiting request threads (its leader); when it is done it hands the lead
 * to the next waiting create, whose thread writes the next group. The others only park. Up to
 * {@code prokash.ingest.create-groups-in-flight} groups are written at once (1: on two cores a second group in
 * flight halved the groups and gained nothing; with more cores, the next group could be written while one
 * waits for Kafka's acknowledgements and PostgreSQL's commit).
 */
@Component
class GroupedCreates {

    /**
     * A create waiting for its group. Its future completes with the outcome, or with null to say "lead the next
     * group": the member then waits on a new future, which its own group completes.
     */
    private static final class Member {
        final Draft draft;
        volatile CompletableFuture<@Nullable Outcome> outcome = new CompletableFuture<>();

        Member(Draft draft) {
            this.draft = draft;
        }

        Draft draft() {
            return draft;
        }

        CompletableFuture<@Nullable Outcome> outcome() {
            return outcome;
        }
    }

    private final ConcurrentLinkedQueue<Member> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger leaders = new AtomicInteger();
    private final Function<List<Draft>, List<Outcome>> writer;
    private final int maxGroup;
    private final int maxLeaders;
    private final DistributionSummary sizes;

    @Autowired
    GroupedCreates(NewArticleWriter writer, IngestProperties properties, MeterRegistry registry) {
        this(writer::write, properties.createGroup(), properties.createGroupsInFlight(), registry);
    }

    /** @param writer writes one group; called for at most {@code maxLeaders} groups at once */
    GroupedCreates(Function<List<Draft>, List<Outcome>> writer, int maxGroup, int maxLeaders, MeterRegistry registry) {
        this.writer = writer;
        this.maxGroup = Math.max(1, maxGroup);
        this.maxLeaders = Math.max(1, maxLeaders);
        this.sizes = DistributionSummary.builder("prokash.ingest.create.group")
                .description("Single creates written together in one transaction")
                .baseUnit("articles")
                .register(registry);
    }

    /** Writes the draft with whatever other creates are waiting; its outcome. */
    Outcome create(Draft draft) {
        Member member = new Member(draft);
        waiting.add(member);
        if (takeLead()) {
            lead(null);
        }
        Outcome outcome = await(member);
        if (outcome == null) {
            member.outcome = new CompletableFuture<>();
            lead(member);
            outcome = await(member);
        }
        if (outcome == null) {
            throw new IllegalStateException("a create was led twice");
        }
        return outcome;
    }

    private static @Nullable Outcome await(Member member) {
        try {
            return member.outcome().join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Writes one group (this thread holds the lead), then hands the lead on. */
    private void lead(@Nullable Member first) {
        List<Member> group = new ArrayList<>();
        if (first != null) {
            group.add(first);
        }
        for (Member next; group.size() < maxGroup && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        try {
            write(group);
        }
        finally {
            leaders.decrementAndGet();
            handOff();
        }
    }

    /** Never throws: each member learns its own outcome, also the leader, whose create may be in a later group. */
    private void write(List<Member> group) {
        if (group.isEmpty()) {
            return; // an earlier leader took them all
        }
        sizes.record(group.size());
        try {
            List<Outcome> outcomes = writer.apply(group.stream().map(Member::draft).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
        }
        catch (RuntimeException | Error e) {
            group.forEach(member -> member.outcome().completeExceptionally(e)); // no create waits forever
        }
    }

    /**
     * If creates are waiting, the first of them leads next. A create added after the check finds no leader
     * and leads itself.
     */
    private void handOff() {
        while (!waiting.isEmpty() && takeLead()) {
            Member next = waiting.poll();
            if (next != null) {
                next.outcome().complete(null);
                return;
            }
            leaders.decrementAndGet();
        }
    }

    /** True if this thread may write a group now: fewer than {@code maxLeaders} are being written. */
    private boolean takeLead() {
        for (int now = leaders.get(); now < maxLeaders; now = leaders.get()) {
            if (leaders.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }
}
