package news.prokash.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code ./prokash load} sends, per second, and for how long. The default is a newsroom's
 * ordinary afternoon scaled to two cores: readers' traffic (views, article pages, the lists beside
 * them, a few searches) dwarfs the editors' (a few new articles and corrections a minute at most; a
 * busy desk, not an archive import).
 *
 * @param rates requests per second by operation
 * @param warmUp sent but not reported (JIT, connection pools, first GCs)
 * @param measured the reported run
 * @param corpus articles bulk-loaded before the run (readers' views and reads pick from them, Zipf)
 * @param visitors distinct reader ids the views come from
 */
record LoadMix(Map<Operation, Double> rates, Duration warmUp, Duration measured, int corpus, int visitors) {

    /** Each kind of request the run sends, with the answer that counts as success. */
    enum Operation {
        VIEW("POST ranking /api/v1/views", 202),
        ARTICLE("GET article /api/v1/articles/{id}", 200),
        LATEST("GET article /api/v1/articles/latest", 200),
        SEARCH("GET search /api/v1/search?q=", 200),
        POPULAR("GET ranking /api/v1/popular", 200),
        CREATE("POST ingest /api/v1/articles", 202),
        UPDATE("PUT ingest /api/v1/articles/{id}", 202);

        final String request;

        final int expectedStatus;

        Operation(String request, int expectedStatus) {
            this.request = request;
            this.expectedStatus = expectedStatus;
        }

        String key() {
            return name().toLowerCase();
        }
    }

    static LoadMix defaults() {
        Map<Operation, Double> rates = new LinkedHashMap<>();
        rates.put(Operation.VIEW, 200.0);
        rates.put(Operation.ARTICLE, 100.0);
        rates.put(Operation.LATEST, 20.0);
        rates.put(Operation.SEARCH, 10.0);
        rates.put(Operation.POPULAR, 20.0);
        rates.put(Operation.CREATE, 2.0);
        rates.put(Operation.UPDATE, 1.0);
        return new LoadMix(rates, Duration.ofMinutes(1), Duration.ofMinutes(10), 1_000, 100_000);
    }

    /**
     * {@code --minutes=10 --warm-up-seconds=60 --corpus=1000 --visitors=100000 --rate.view=200 …}; a rate of
     * 0 leaves that operation out ({@code --only=popular --rate.popular=2000} measures one alone).
     */
    static LoadMix parse(String[] args) {
        LoadMix mix = defaults();
        Map<Operation, Double> rates = new LinkedHashMap<>(mix.rates());
        Duration warmUp = mix.warmUp();
        Duration measured = mix.measured();
        int corpus = mix.corpus();
        int visitors = mix.visitors();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String name = kv[0];
            String value = kv[1];
            switch (name) {
                case "minutes" -> measured = Duration.ofSeconds(Math.round(Double.parseDouble(value) * 60));
                case "warm-up-seconds" -> warmUp = Duration.ofSeconds(Long.parseLong(value));
                case "corpus" -> corpus = Integer.parseInt(value);
                case "visitors" -> visitors = Integer.parseInt(value);
                case "only" -> {
                    Operation only = operation(value);
                    rates.replaceAll((op, rate) -> op == only ? rate : 0.0);
                }
                default -> {
                    if (!name.startsWith("rate.")) {
                        throw new IllegalArgumentException("unknown option --" + name);
                    }
                    rates.put(operation(name.substring("rate.".length())), Double.parseDouble(value));
                }
            }
        }
        if (corpus < 20 || visitors < 1 || measured.isNegative() || measured.isZero()) {
            throw new IllegalArgumentException("need --corpus ≥ 20, --visitors ≥ 1 and a positive --minutes");
        }
        return new LoadMix(Map.copyOf(rates), warmUp, measured, corpus, visitors);
    }

    private static Operation operation(String key) {
        for (Operation op : Operation.values()) {
            if (op.key().equals(key)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + key + "' (one of view, article, latest, search, "
                + "popular, create, update)");
    }

    double rate(Operation op) {
        return rates.getOrDefault(op, 0.0);
    }

    double totalRate() {
        return rates.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
