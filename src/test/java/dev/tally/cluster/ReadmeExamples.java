package dev.tally.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The curl commands of one README section's first bash block, continuation lines joined. */
final class ReadmeExamples {

    private ReadmeExamples() {}

    static List<String> curlCommands(Path readme, String heading) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section '" + heading + "'");
        }
        int block = start;
        while (!lines.get(block).equals("```bash")) {
            block++;
        }
        List<String> commands = new ArrayList<>();
        StringBuilder command = null;
        for (int i = block + 1; !lines.get(i).equals("```"); i++) {
            String line = lines.get(i).replaceFirst("\\s+#.*$", "").strip();
            if (command == null && line.startsWith("curl ")) {
                command = new StringBuilder();
            }
            if (command != null) {
                command.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line)
                        .append(' ');
                if (!line.endsWith("\\")) {
                    commands.add(command.toString().strip());
                    command = null;
                }
            }
        }
        return commands;
    }
}
