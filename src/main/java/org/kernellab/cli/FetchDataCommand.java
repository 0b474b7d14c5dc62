package org.kernellab.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernellab.data.DataException;
import org.kernellab.data.fetch.Fetcher;
import org.kernellab.data.fetch.RemoteSet;
import org.kernellab.install.UserDirs;

/**
 * {@code fetch-data SET [--url URL] [--dir DIR] [--archive FILE]}: downloads a data set from its publishers (or a
 * mirror), or installs its archive already on disk, into the
 * user's data folder or {@code --dir}, printing a JSON line as the bytes come and one at the end; the folder then works
 * as {@code train --data}. A failure prints one line on stderr, exits with status 2, and leaves no folder the app would
 * read.
 */
final class FetchDataCommand {
    private FetchDataCommand() {}

    static Object run(List<String> args, PrintStream out) throws DataException {
        return run(args, out, RemoteSet.ALL, Fetcher.Settings.DEFAULT);
    }

    /** The command over a given catalogue and settings (the tests' loopback sets and short timeouts). */
    static Object run(List<String> args, PrintStream out, List<RemoteSet> catalogue, Fetcher.Settings settings)
            throws DataException {
        List<String> names = catalogue.stream().map(RemoteSet::name).toList();
        if (args.isEmpty() || args.get(0).startsWith("-"))
            throw new CliException("cli.unknownSet", "", String.join(", ", names));
        RemoteSet set = catalogue.stream()
                .filter(s -> s.name().equalsIgnoreCase(args.get(0)))
                .findFirst()
                .orElseThrow(() -> new CliException("cli.unknownSet", args.get(0), String.join(", ", names)));
        Options o = new Options(
                "fetch-data", args.subList(1, args.size()), Set.of("--url", "--dir", "--archive"), Set.of(), Set.of());
        if (o.optional("--url") != null) set = set.at(url(o.optional("--url")));
        Path dir = o.optional("--dir") == null
                ? UserDirs.current().datasets().resolve(set.name())
                : TrainCommand.path(o, "--dir");
        Fetcher.Listener lines = new Fetcher.Listener() {
            @Override
            public void progress(Fetcher.Progress p) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", p.file());
                line.put("bytes", p.bytes());
                line.put("total", p.total());
                line.put("bytes_per_second", Math.round(p.bytesPerSecond()));
                line.put("seconds_left", p.secondsLeft() < 0 ? null : TrainRun.round(p.secondsLeft(), 1));
                out.println(Json.write(line));
            }

            @Override
            public void stage(String key, String file) {
                out.println(Json.write(Map.of("file", file, "stage", key.substring(key.indexOf('.') + 1))));
            }
        };
        Fetcher.Result r;
        if (o.optional("--archive") == null) r = Fetcher.fetch(set, dir, settings, lines);
        else if (set.kind() == RemoteSet.Kind.IDX_FILES) throw new CliException("cli.archiveIdx", set.name());
        else r = Fetcher.install(set, TrainCommand.path(o, "--archive"), dir, lines);
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("data", set.name());
        end.put("dir", r.dir().toAbsolutePath().toString());
        end.put("url", set.url().toString());
        end.put("files", r.files().size());
        end.put("downloaded_bytes", r.downloaded());
        end.put("already_there", r.alreadyThere());
        end.put("verified", true);
        end.put("final", true);
        return end;
    }

    private static URI url(String v) {
        try {
            URI u = new URI(v);
            if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme()))
                throw new CliException("cli.badUrl", v);
            return u;
        } catch (URISyntaxException e) {
            throw new CliException("cli.badUrl", v);
        }
    }
}
