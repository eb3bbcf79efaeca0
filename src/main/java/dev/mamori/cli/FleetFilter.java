package dev.mamori.cli;

import dev.mamori.fleet.Departments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --host}, {@code --department} and {@code --departments FILE}: narrow an auditor's command
 * on a (collector's) store to some hosts, named or by department. Both are added to the query as
 * a host clause, so they mean the same in every command.
 */
final class FleetFilter {

    @Option(names = "--host", paramLabel = "HOST", description = "Only this host's alerts (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--department", paramLabel = "NAME", description = "Only the hosts of this department in --departments (repeatable).")
    List<String> departments = new ArrayList<>();

    @Option(names = "--departments", paramLabel = "FILE",
            description = "CSV of host,department (UTF-8): which department each host belongs to.")
    Path departmentsFile;

    /** The departments file, or none; prints the problems and returns null when it cannot be used. */
    Departments departments(PrintWriter err, String command) {
        if (departmentsFile == null) {
            return Departments.none();
        }
        try {
            return Departments.read(departmentsFile);
        } catch (IOException e) {
            err.println("mamori " + command + ": " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /**
     * The hosts chosen by name or department: empty when no filter is given; null (with the reason
     * printed) when the choice cannot be made.
     */
    Set<String> chosenHosts(PrintWriter err, String command) {
        Set<String> chosen = new LinkedHashSet<>(hosts);
        if (!departments.isEmpty()) {
            if (departmentsFile == null) {
                err.println("mamori " + command + ": --department needs --departments FILE (which hosts are in which department)");
                err.flush();
                return null;
            }
            Departments d = departments(err, command);
            if (d == null) {
                return null;
            }
            for (String name : departments) {
                if (d.hostsIn(name).isEmpty()) {
                    err.println("mamori " + command + ": no host is in department '" + name + "' (departments: "
                            + String.join(", ", d.names()) + ")");
                    err.flush();
                    return null;
                }
                chosen.addAll(d.hostsIn(name));
            }
        }
        return chosen;
    }

    /** {@code query} narrowed to the chosen hosts; null (with the reason printed) when the choice cannot be made. */
    String narrow(String query, PrintWriter err, String command) {
        Set<String> chosen = chosenHosts(err, command);
        if (chosen == null) {
            return null;
        }
        if (chosen.isEmpty()) {
            return query;
        }
        List<String> terms = chosen.stream().map(FleetFilter::hostTerm).toList();
        return "(" + query + ") AND (" + String.join(" OR ", terms) + ")";
    }

    /** The query clause for one host, quoted. */
    static String hostTerm(String host) {
        return "host:\"" + host.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
