package news.prokash.ranking.popular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top of one list over some partitions: overall and per section. Articles live on exactly one
 * partition, so the top N of the merged partials is the top N of the whole.
 *
 * @param partitions the views-topic partitions this covers; a merge is complete only if they add up
 */
record Partial(Set<Integer> partitions, List<RankedEntry> all, Map<String, List<RankedEntry>> sections) {

    static Partial of(Set<Integer> partitions, List<RankedEntry> entries, int depth) {
        List<RankedEntry> sorted = new ArrayList<>(entries);
        sorted.sort(RankedEntry.ORDER);
        Map<String, List<RankedEntry>> sections = new HashMap<>();
        for (RankedEntry entry : sorted) {
            List<RankedEntry> section = sections.computeIfAbsent(entry.section(), s -> new ArrayList<>());
            if (section.size() < depth) {
                section.add(entry);
            }
        }
        return new Partial(new TreeSet<>(partitions), List.copyOf(sorted.subList(0, Math.min(depth, sorted.size()))),
                sections);
    }

    /** Partials of disjoint partitions into one; the caller checks coverage first. */
    static Partial merge(List<Partial> partials, int depth) {
        Set<Integer> partitions = new TreeSet<>();
        List<RankedEntry> entries = new ArrayList<>();
        for (Partial partial : partials) {
            partitions.addAll(partial.partitions());
            entries.addAll(partial.all());
            // an entry may be in a section's top but not in the overall top: take the sections' entries too
            partial.sections().values().forEach(entries::addAll);
        }
        return of(partitions, entries.stream().distinct().toList(), depth);
    }
}
