package io.bertlab.glue;

import io.bertlab.api.glue.GlueTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The folders that hold task folders ({@code --data}, in order): GLUE's download ({@code glue_data/RTE/...}) and
 * other datasets ({@code assin2/...}) may live apart.
 *
 * @param roots the folders searched, in order
 */
record DataRoots(List<Path> roots) {

    DataRoots {
        roots = List.copyOf(roots);
    }

    /** The task's folder, if some root has it. */
    Optional<Path> find(GlueTask task) {
        return roots.stream().map(root -> root.resolve(task.dataFolder())).filter(Files::isDirectory).findFirst();
    }

    /**
     * The task's folder.
     *
     * @throws IOException naming every place looked at when no root has it
     */
    Path folder(GlueTask task) throws IOException {
        return find(task).orElseThrow(() -> new IOException("no data for " + task.name() + ": expected a folder "
                + task.dataFolder() + "/ holding " + task.splits().stream().map(s -> s.fileName())
                        .collect(Collectors.joining(", ")) + " in " + (roots.isEmpty() ? "a --data folder"
                                : roots.stream().map(Path::toString).collect(Collectors.joining(" or ")))));
    }
}
