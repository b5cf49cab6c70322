package io.bertlab.api.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One sentence for a failed file operation, naming the file and the reason: the JDK's own messages are often only
 * the path ({@link NoSuchFileException}) or only the reason ("Is a directory").
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * Describes a failure.
     *
     * @param e the failure
     * @return e.g. {@code /data/corpus.txt: no such file}
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
            return f.getFile() + other + ": " + reason(f);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Describes a failure on a file that the exception may not name (a stream opened from it).
     *
     * @param file the file worked on
     * @param e the failure
     * @return the description, naming {@code file} once
     */
    public static String describe(Object file, IOException e) {
        String description = describe(e);
        return description.startsWith(file + ":") || e instanceof MalformedTextException ? description
                : file + ": " + description;
    }

    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        return e.getReason() == null ? e.getClass().getSimpleName() : lowerFirst(e.getReason());
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
