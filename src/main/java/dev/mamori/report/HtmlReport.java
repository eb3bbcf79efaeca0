package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.alert.HealthProblem;
import dev.mamori.alert.Triage;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: headline figures, inline SVG bar charts, the
 * APPI assessment, health alerts apart, and a sortable table of alerts (a few lines of inline
 * script), with a print stylesheet for A4. Every value is HTML-escaped and every closed-set value
 * translated; evidence is masked upstream. A large range lists only its most severe alerts and
 * links the full list (CSV), so the page stays light.
 */
public final class HtmlReport {

    /** Rows the page lists at most: 100,000 alerts must not make a page a browser struggles with. */
    public static final int TABLE_LIMIT = 500;
    private static final int APPI_LIMIT = 200;
    private static final int HEALTH_LIMIT = 100;

    private final Messages m;

    public HtmlReport(Messages messages) {
        this.m = messages;
    }

    public String render(ReportData d) {
        DateTimeFormatter time = Messages.timeFormat(d.zone());
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(m.lang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
                .append("<title>").append(esc(m.title())).append(' ').append(d.from()).append(" – ").append(d.to()).append("</title>")
                .append("<style>body{font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:22px}h2{font-size:17px;margin-top:28px}.cards{display:flex;gap:12px;flex-wrap:wrap}")
                .append(".card{border:1px solid #ccc;border-radius:6px;padding:10px 16px;min-width:120px}.card b{display:block;font-size:26px}")
                .append(".high{color:#b00020}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top}")
                .append("th{cursor:pointer;background:#f0f0f0;white-space:nowrap}.charts{display:flex;gap:24px;flex-wrap:wrap}figure{margin:8px 0}")
                .append("td.path{word-break:break-all;max-width:360px}.muted{color:#666}")
                .append("@media print{@page{size:A4;margin:14mm 12mm}body{margin:0;font-size:10pt}h1{font-size:16pt}")
                .append("h2{font-size:12pt;break-after:avoid}.cards,.charts{gap:6px}.card{padding:4px 8px;min-width:0}.card b{font-size:14pt}")
                .append("table{width:100%;font-size:8pt}thead{display:table-header-group}tr,figure,li{break-inside:avoid}")
                .append("th{cursor:auto}svg{max-width:100%;height:auto}a{color:inherit;text-decoration:none}}</style></head><body>\n");
        b.append("<h1>").append(esc(m.title())).append("</h1><p>").append(d.from()).append(" – ").append(d.to())
                .append(" <span class=\"muted\" id=\"zone\">(").append(esc(m.get("zone"))).append(": ").append(esc(zoneLabel(d)))
                .append(")</span></p>\n");
        b.append("<div class=\"cards\">");
        card(b, "total", m.get("alerts"), d.total(), false);
        card(b, "high", m.get("high"), d.count(dev.mamori.verdict.Severity.HIGH), true);
        card(b, "medium", m.get("medium"), d.count(dev.mamori.verdict.Severity.MEDIUM), false);
        card(b, "reportable", m.get("reportable"), d.reportable(), true);
        if (d.cannotJudge() > 0) {
            card(b, "cannot-judge", m.get("cannotJudge"), d.cannotJudge(), true);
        }
        card(b, "quarantined", m.get("quarantined"), d.quarantined(), false);
        card(b, "health", m.get("health"), d.health().size(), false);
        b.append("</div>\n");

        b.append("<h2>").append(esc(m.get("overTime"))).append("</h2>\n");
        columns(b, "chart-days", d.perDay());
        b.append("<div class=\"charts\">");
        bars(b, "chart-severity", m.get("bySeverity"), d.alerts().bySeverity(), "sev");
        bars(b, "chart-type", m.get("byType"), d.alerts().byType(), "type");
        bars(b, "chart-exit", m.get("byExit"), d.alerts().byExit(), "exit");
        bars(b, "chart-user", m.get("byUser"), d.alerts().byUser(), null);
        bars(b, "chart-rule", m.get("byRule"), d.alerts().byRule(), null);
        b.append("</div>\n");

        appi(b, d, time);
        table(b, d, time);
        fleet(b, d, time);
        health(b, d, time);

        b.append("<h2>").append(esc(m.get("about"))).append("</h2><p>").append(esc(m.get("packs"))).append(": ")
                .append(esc(String.join("; ", d.rulePacks()))).append("</p><p id=\"chain\">").append(esc(m.get("chain")))
                .append(": ").append(esc(d.chain().ok() ? m.format("chain.ok", d.chain().records(), d.chain().head())
                        : m.format("chain.broken", d.chain().problem()))).append("</p>\n");
        b.append("<script>document.querySelectorAll('#alerts th').forEach(function(th,i){th.addEventListener('click',function(){")
                .append("var body=document.querySelector('#alerts tbody');var rows=Array.prototype.slice.call(body.rows);")
                .append("var asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';rows.sort(function(a,b){")
                .append("var x=a.cells[i].textContent,y=b.cells[i].textContent,nx=parseFloat(x),ny=parseFloat(y);")
                .append("var c=(!isNaN(nx)&&!isNaN(ny)&&/^[0-9.]+$/.test(x)&&/^[0-9.]+$/.test(y))?nx-ny:x.localeCompare(y);return asc?c:-c;});")
                .append("rows.forEach(function(r){body.appendChild(r);});});});</script>\n</body></html>\n");
        return b.toString();
    }

    private String zoneLabel(ReportData d) {
        return d.zone().getId() + " (UTC" + ZonedDateTime.now(d.zone()).getOffset().getId().replace("Z", "+00:00") + ")";
    }

    private void appi(StringBuilder b, ReportData d, DateTimeFormatter time) {
        b.append("<h2 id=\"appi\">").append(esc(m.get("appiTitle"))).append("</h2>\n");
        if (d.appi().isEmpty()) {
            b.append("<p>").append(esc(m.get("appiNone"))).append("</p>\n");
            return;
        }
        b.append("<p>").append(esc(m.get("appiIntro"))).append("</p><ul id=\"appi-list\">");
        int shown = 0;
        for (AppiCase c : d.appi()) {
            if (shown++ == APPI_LIMIT) {
                break;
            }
            b.append("<li data-judgement=\"").append(c.judgement()).append("\"><b")
                    .append(c.judgement() == dev.mamori.impact.Impact.Judgement.NOT_MET ? "" : " class=\"high\"").append('>')
                    .append(esc(m.get("appi." + c.judgement()))).append("</b> ").append(esc(time.format(c.time()))).append(' ')
                    .append(esc(c.path())).append(" (").append(esc(m.label("exit", c.exitPoint()))).append(", ")
                    .append(c.rows()).append(' ').append(esc(m.get("rows"))).append(", ")
                    .append(c.persons() < 0 ? esc(m.get("personsUnknown")) : c.persons() + " " + esc(m.get("persons")));
            if (!c.criteria().isEmpty()) {
                b.append(": ").append(esc(String.join(", ", c.criteria().stream().map(k -> m.get("criterion." + k)).toList())));
            }
            b.append(")</li>");
        }
        b.append("</ul>\n");
        if (d.appi().size() > APPI_LIMIT) {
            b.append("<p>").append(esc(m.format("more", d.appi().size() - APPI_LIMIT))).append("</p>\n");
        }
    }

    private void table(StringBuilder b, ReportData d, DateTimeFormatter time) {
        b.append("<h2>").append(esc(m.get("table"))).append("</h2>\n");
        List<Alert> rows = d.listed();
        if (d.total() > TABLE_LIMIT) {
            if (d.fullList() == null || d.fullList().isEmpty()) {
                b.append("<p id=\"partial\">").append(esc(m.format("shownOfStdout", rows.size(), d.total()))).append("</p>\n");
            } else {
                b.append("<p id=\"partial\">").append(esc(m.format("shownOf", rows.size(), d.total())))
                        .append("<a id=\"full-list\" href=\"").append(esc(d.fullList())).append("\">").append(esc(d.fullList()))
                        .append("</a></p>\n");
            }
        }
        b.append("<table id=\"alerts\"><thead><tr>");
        for (String h : new String[] {"time", "severity", "exit", "host", "path", "records", "types", "samples", "triage"}) {
            b.append("<th>").append(esc(m.get("col." + h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (Alert a : rows) {
            Triage t = d.triage().get(a.id());
            String types = a.counts().isEmpty() ? m.get("reason." + d.reason(a))
                    : ReportData.typeList(a.counts(), m);
            b.append("<tr><td>").append(esc(time.format(a.time()))).append("</td><td>").append(esc(m.label("sev", a.severity().label())))
                    .append("</td><td>").append(esc(m.label("exit", a.exitPoint().label()))).append("</td><td>")
                    .append(esc(a.host() + " / " + a.user())).append("</td><td class=\"path\">").append(esc(a.path()))
                    .append(a.action() == dev.mamori.alert.AlertAction.QUARANTINE ? " [" + esc(m.label("action", "quarantine")) + "]" : "")
                    .append("</td><td>").append(a.records()).append("</td><td>").append(esc(types)).append("</td><td>")
                    .append(esc(String.join(", ", a.samples()))).append("</td><td>").append(esc(triage(t, time)))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>\n");
    }

    /** "確認済 (sato, 2026-12-02 14:05:09): note". */
    String triage(Triage t, DateTimeFormatter time) {
        if (t == null) {
            return m.get("open");
        }
        return m.label("triage", t.action().label()) + " (" + t.by() + ", " + time.format(t.at()) + ")"
                + (t.note() == null || t.note().isBlank() ? "" : ": " + t.note());
    }

    /**
     * Per host and per department, when the alerts come from more than one host (a collector's
     * store) or a departments file was given: alerts, when last heard of, silent hosts, old packs.
     */
    private void fleet(StringBuilder b, ReportData d, DateTimeFormatter time) {
        var fleet = d.fleet();
        if (fleet.hosts().size() < 2 && d.departments().names().isEmpty()) {
            return;
        }
        b.append("<h2 id=\"fleet\">").append(esc(m.get("fleetTitle"))).append("</h2>\n");
        b.append("<table id=\"fleet-hosts\"><thead><tr><th>").append(esc(m.get("col.hostOnly"))).append("</th><th>")
                .append(esc(m.get("col.department"))).append("</th><th>").append(esc(m.get("alerts"))).append("</th><th>")
                .append(esc(m.get("col.lastSeen"))).append("</th><th>").append(esc(m.get("col.packs"))).append("</th></tr></thead><tbody>");
        for (var h : fleet.hosts()) {
            b.append("<tr").append(h.silent() ? " class=\"high\"" : "").append("><td>").append(esc(h.host())).append("</td><td>")
                    .append(esc(h.department())).append("</td><td>").append(h.alerts()).append("</td><td>")
                    .append(h.lastSeen() == null ? "-" : esc(time.format(h.lastSeen())))
                    .append(h.silent() ? " (" + esc(m.get("silent")) + ")" : "").append("</td><td>")
                    .append(esc(String.join(", ", h.packs())));
            if (!h.oldPacks().isEmpty()) {
                b.append(" <b class=\"high\">").append(esc(m.get("oldPacks"))).append(": ")
                        .append(esc(String.join(", ", h.oldPacks()))).append("</b>");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table>\n<table id=\"fleet-departments\"><thead><tr><th>").append(esc(m.get("col.department")))
                .append("</th><th>").append(esc(m.get("col.hosts"))).append("</th><th>").append(esc(m.get("alerts")))
                .append("</th><th>").append(esc(m.get("silent"))).append("</th><th>").append(esc(m.get("oldPacks")))
                .append("</th></tr></thead><tbody>");
        for (var dept : fleet.departments()) {
            b.append("<tr><td>").append(esc(dept.name())).append("</td><td>").append(dept.hosts()).append("</td><td>")
                    .append(dept.alerts()).append("</td><td>").append(dept.silent()).append("</td><td>").append(dept.oldPacks())
                    .append("</td></tr>");
        }
        b.append("</tbody></table>\n");
    }

    private void health(StringBuilder b, ReportData d, DateTimeFormatter time) {
        b.append("<h2 id=\"health\">").append(esc(m.get("healthTitle"))).append("</h2>\n");
        if (d.health().isEmpty()) {
            b.append("<p>").append(esc(m.get("healthNone"))).append("</p>\n");
            return;
        }
        b.append("<table id=\"health-list\"><thead><tr><th>").append(esc(m.get("col.time"))).append("</th><th>")
                .append(esc(m.get("col.host"))).append("</th><th>").append(esc(m.get("col.path"))).append("</th><th>")
                .append(esc(m.get("col.kind"))).append("</th><th>")
                .append(esc(m.get("col.problem"))).append("</th></tr></thead><tbody>");
        d.health().stream().limit(HEALTH_LIMIT).forEach(a -> b.append("<tr><td>").append(esc(time.format(a.time())))
                .append("</td><td>").append(esc(a.host() + " / " + a.user())).append("</td><td class=\"path\">")
                .append(esc(a.path())).append("</td><td>").append(esc(m.label("problem", HealthProblem.of(a).code())))
                .append("</td><td>").append(esc(String.join("; ", a.samples()))).append("</td></tr>"));
        b.append("</tbody></table>\n");
        if (d.health().size() > HEALTH_LIMIT) {
            b.append("<p>").append(esc(m.format("more", d.health().size() - HEALTH_LIMIT))).append("</p>\n");
        }
    }

    private static void card(StringBuilder b, String id, String label, long value, boolean alarm) {
        b.append("<div class=\"card\" id=\"card-").append(id).append("\"><b").append(alarm && value > 0 ? " class=\"high\"" : "")
                .append(" data-value=\"").append(value).append("\">").append(value).append("</b>").append(esc(label)).append("</div>");
    }

    /** A vertical bar per day, labelled "MM-dd" every few days so that labels never overlap or get cut. */
    private static void columns(StringBuilder b, String id, Map<LocalDate, Long> days) {
        long max = Math.max(1, days.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int n = Math.max(1, days.size());
        int w = Math.max(8, Math.min(40, 700 / n));
        int left = 36;
        int width = Math.max(220, n * w + left + 24);
        int every = Math.max(1, (int) Math.ceil(40.0 / w)); // a label needs about 40 px
        b.append("<svg id=\"").append(id).append("\" width=\"").append(width).append("\" height=\"180\" viewBox=\"0 0 ")
                .append(width).append(" 180\" role=\"img\">");
        int x = left;
        int i = 0;
        for (var e : days.entrySet()) {
            long h = Math.round(130.0 * e.getValue() / max);
            b.append("<rect data-label=\"").append(e.getKey()).append("\" data-value=\"").append(e.getValue()).append("\" x=\"")
                    .append(x).append("\" y=\"").append(140 - h).append("\" width=\"").append(w - 2).append("\" height=\"").append(h)
                    .append("\" fill=\"#3b6fb6\"><title>").append(e.getKey()).append(": ").append(e.getValue()).append("</title></rect>");
            if (i % every == 0) {
                b.append("<text x=\"").append(x + (w - 2) / 2).append("\" y=\"156\" font-size=\"11\" text-anchor=\"middle\">")
                        .append(String.format(Locale.ROOT, "%02d-%02d", e.getKey().getMonthValue(), e.getKey().getDayOfMonth()))
                        .append("</text>");
            }
            x += w;
            i++;
        }
        b.append("<line x1=\"").append(left - 2).append("\" y1=\"141\" x2=\"").append(width).append("\" y2=\"141\" stroke=\"#888\"/>");
        b.append("<text x=\"").append(left).append("\" y=\"174\" font-size=\"11\">")
                .append(days.keySet().stream().findFirst().map(Object::toString).orElse("")).append(" – ")
                .append(days.keySet().stream().reduce((a, z) -> z).map(Object::toString).orElse("")).append("</text>")
                .append("<text x=\"").append(left - 6).append("\" y=\"14\" font-size=\"11\" text-anchor=\"end\">").append(max)
                .append("</text></svg>\n");
    }

    /** Horizontal bars with their labels (translated when {@code set} is given) and values. */
    private void bars(StringBuilder b, String id, String title, Map<String, Long> values, String set) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rows = Math.min(12, values.size());
        b.append("<figure><figcaption>").append(esc(title)).append("</figcaption><svg id=\"").append(id)
                .append("\" width=\"480\" height=\"").append(rows * 22 + 8).append("\" viewBox=\"0 0 480 ").append(rows * 22 + 8)
                .append("\" role=\"img\">");
        int y = 4;
        int shown = 0;
        for (var e : values.entrySet()) {
            if (shown++ == rows) {
                break;
            }
            String label = set == null ? e.getKey() : m.label(set, e.getKey());
            long w = Math.round(190.0 * e.getValue() / max);
            b.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\"><title>").append(esc(label)).append("</title>")
                    .append(esc(shorten(label))).append("</text>")
                    .append("<rect data-label=\"").append(esc(e.getKey())).append("\" data-value=\"").append(e.getValue())
                    .append("\" x=\"210\" y=\"").append(y).append("\" width=\"").append(Math.max(1, w)).append("\" height=\"18\" fill=\"#3b6fb6\"/>")
                    .append("<text x=\"").append(216 + w).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(e.getValue()).append("</text>");
            y += 22;
        }
        b.append("</svg></figure>\n");
    }

    /** Fits a label into about 200 px at 12 px: a CJK character takes two units, others one; 32 units. */
    static String shorten(String s) {
        int units = 0;
        for (int i = 0; i < s.length(); i++) {
            units += s.charAt(i) < 0x1100 ? 1 : 2;
            if (units > 32) {
                return s.substring(0, i) + "…";
            }
        }
        return s;
    }

    static String esc(String s) {
        return dev.mamori.output.SafeText.html(s);
    }
}
