package io.github.pendoclient.connect.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Spreads tables over tasks: table {@code i} goes to task {@code i mod n}, so every task gets tables when there
 * are at least as many tables as tasks, and the event tables (listed last in the registry) are spread too.
 */
public final class Assignment {

    private Assignment() {}

    /**
     * The tables of each task.
     *
     * @param tables the tables, each once
     * @param maxTasks {@code tasks.max}
     * @return one non-empty list per task, {@code min(maxTasks, tables)} lists
     * @throws IllegalArgumentException if {@code maxTasks} is not positive
     */
    public static List<List<String>> spread(List<String> tables, int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("tasks.max must be at least 1, was " + maxTasks);
        }
        int tasks = Math.min(maxTasks, tables.size());
        List<List<String>> groups = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < tables.size(); i++) {
            groups.get(i % tasks).add(tables.get(i));
        }
        return groups;
    }
}
