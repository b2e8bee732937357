package news.prokash.ranking.view;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.prokash.contracts.ArticleViewed;
import news.prokash.ranking.config.InvalidRequestException.FieldError;
import news.prokash.ranking.config.RankingProperties;
import news.prokash.ranking.popular.ArticleCatalog;
import news.prokash.ranking.popular.BotDetector;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What happens to one view request, for the single and the batch endpoint alike, and the meter
 * {@code prokash.ranking.views{outcome}} that counts it.
 */
@Component
class ViewIntake {

    private final ArticleCatalog catalog;

    private final BotDetector bots;

    private final Clock clock;

    private final RankingProperties properties;

    private final Counter accepted;

    private final Counter bot;

    private final Counter unknownArticle;

    private final Counter rejected;

    private final Counter failed;

    private final Counter rateLimited;

    private final ViewRateLimiter limiter;

    ViewIntake(ArticleCatalog catalog, Clock clock, RankingProperties properties, MeterRegistry meters,
            ViewRateLimiter limiter) {
        this.catalog = catalog;
        this.limiter = limiter;
        this.bots = new BotDetector(properties.botPatterns());
        this.clock = clock;
        this.properties = properties;
        this.accepted = outcome(meters, "accepted");
        this.bot = outcome(meters, "bot");
        this.unknownArticle = outcome(meters, "unknown-article");
        this.rejected = outcome(meters, "rejected");
        this.failed = outcome(meters, "failed");
        this.rateLimited = outcome(meters, "rate-limited");
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("prokash.ranking.views")
                .description("View requests by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /**
     * Validates one view and takes its rate-limit tokens; only {@link Verdict.Send} goes to Kafka.
     *
     * @param address the caller's address to limit by ({@link CallerAddresses}), null for none
     */
    Verdict judge(ViewRequest request, @Nullable String userAgentHeader, @Nullable String address) {
        List<FieldError> errors = request.errors(clock.instant(), properties.clockSkew(), properties.grace());
        if (!errors.isEmpty()) {
            rejected.increment();
            return new Verdict.Invalid(errors);
        }
        ArticleViewed view = request.toEvent(userAgentHeader, clock.instant());
        // before bots and the catalog: a flood of them costs tokens too
        Duration wait = limiter.admit(address, view.visitorId());
        if (wait != null) {
            rateLimited.increment();
            return new Verdict.RateLimited(wait);
        }
        // before the catalog: a crawler walking old links should not cost a store lookup each
        if (bots.isBot(view.userAgent())) {
            bot.increment();
            return new Verdict.Bot();
        }
        if (!catalog.isListed(view.articleId())) {
            unknownArticle.increment();
            return new Verdict.UnknownArticle();
        }
        return new Verdict.Send(view);
    }

    void rejected() {
        rejected.increment();
    }

    void accepted(int views) {
        accepted.increment(views);
    }

    void failed(int views) {
        failed.increment(views);
    }

    sealed interface Verdict {

        record Send(ArticleViewed view) implements Verdict {
        }

        /** Answered like an accepted view (a bot learns nothing), but not written. */
        record Bot() implements Verdict {
        }

        record UnknownArticle() implements Verdict {
        }

        record Invalid(List<FieldError> errors) implements Verdict {
        }

        /** @param retryAfter until the refusing bucket has a token again */
        record RateLimited(Duration retryAfter) implements Verdict {
        }
    }
}
