package io.bertlab.api.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint (configuration or weights) that cannot be used: corrupt, truncated, of an unknown data type, missing
 * a tensor, or disagreeing with its configuration. The message names the file, the tensor or field, and what was
 * expected.
 */
public class CheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String tensor;

    /**
     * A problem with one tensor (or configuration field) of a file.
     *
     * @param file the file at fault
     * @param tensor the tensor or field name at fault, or {@code null} when the problem is the file as a whole
     * @param problem what is wrong and what was expected
     */
    public CheckpointException(Path file, String tensor, String problem) {
        this(file, tensor, problem, null);
    }

    /**
     * A problem with one tensor (or configuration field) of a file, caused by another exception.
     *
     * @param file the file at fault
     * @param tensor the tensor or field name at fault, or {@code null} when the problem is the file as a whole
     * @param problem what is wrong and what was expected
     * @param cause the underlying exception, or {@code null}
     */
    public CheckpointException(Path file, String tensor, String problem, Throwable cause) {
        super(describe(file, tensor, problem), cause);
        this.file = file;
        this.tensor = tensor;
    }

    private static String describe(Path file, String tensor, String problem) {
        return (tensor == null ? "" : "tensor '" + tensor + "' in ") + file + ": " + problem;
    }

    /**
     * The file at fault.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * The tensor or configuration field at fault.
     *
     * @return its name, or {@code null} when the file as a whole is at fault
     */
    public String tensor() {
        return tensor;
    }
}
