package io.bertlab.tokenizer.service;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.UsageException;

/** The {@code --format} of this bundle's commands: a table for people, JSON lines for programs. */
enum OutputFormat {
    TABLE, JSONL;

    static OutputFormat of(String command, Arguments arguments) throws UsageException {
        String format = arguments.value("--format").orElse("table");
        return switch (format) {
            case "table" -> TABLE;
            case "jsonl" -> JSONL;
            default -> throw new UsageException(command + ": --format expects table or jsonl, got '" + format + "'");
        };
    }
}
