package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.alert.Triage;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: headline figures, inline SVG bar charts, the
 * APPI-reportable incidents, and a sortable table of alerts (a few lines of inline script).
 * Every value is HTML-escaped; evidence is masked upstream.
 */
public final class HtmlReport {

    private final Messages m;

    public HtmlReport(Messages messages) {
        this.m = messages;
    }

    public String render(ReportData d) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(m.lang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
                .append("<title>").append(esc(m.title())).append(' ').append(d.from()).append(" – ").append(d.to()).append("</title>")
                .append("<style>body{font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:22px}h2{font-size:17px;margin-top:28px}.cards{display:flex;gap:12px;flex-wrap:wrap}")
                .append(".card{border:1px solid #ccc;border-radius:6px;padding:10px 16px;min-width:120px}.card b{display:block;font-size:26px}")
                .append(".high{color:#b00020}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #bbb;padding:3px 6px}")
                .append("th{cursor:pointer;background:#f0f0f0}.charts{display:flex;gap:24px;flex-wrap:wrap}</style></head><body>\n");
        b.append("<h1>").append(esc(m.title())).append("</h1><p>").append(d.from()).append(" – ").append(d.to()).append("</p>\n");
        b.append("<div class=\"cards\">");
        card(b, "total", m.get("alerts"), d.alerts().size(), false);
        card(b, "high", m.get("high"), d.count("high"), true);
        card(b, "medium", m.get("medium"), d.count("medium"), false);
        card(b, "reportable", m.get("reportable"), d.reportable().size(), !d.reportable().isEmpty());
        card(b, "quarantined", m.get("quarantined"), d.quarantined(), false);
        b.append("</div>\n");

        b.append("<h2>").append(esc(m.get("overTime"))).append("</h2>\n");
        Map<LocalDate, Long> days = d.perDay();
        columns(b, "chart-days", days);
        b.append("<div class=\"charts\">");
        bars(b, "chart-severity", m.get("bySeverity"), d.by(Alert::severity));
        bars(b, "chart-type", m.get("byType"), d.byType());
        bars(b, "chart-exit", m.get("byExit"), d.by(Alert::exitPoint));
        bars(b, "chart-user", m.get("byUser"), d.by(a -> a.host() + " / " + a.user()));
        bars(b, "chart-rule", m.get("byRule"), d.byRule());
        b.append("</div>\n");

        b.append("<h2 id=\"appi\">").append(esc(m.get("appiTitle"))).append("</h2>\n");
        if (d.reportable().isEmpty()) {
            b.append("<p>").append(esc(m.get("appiNone"))).append("</p>\n");
        } else {
            b.append("<p class=\"high\">").append(esc(m.get("appiSome"))).append("</p><ul id=\"appi-list\">");
            for (Alert a : d.reportable()) {
                b.append("<li>").append(esc(a.time().toString())).append(' ').append(esc(a.path())).append(" (")
                        .append(a.records()).append(' ').append(esc(m.get("records"))).append(", ").append(esc(a.exitPoint()))
                        .append(")</li>");
            }
            b.append("</ul>\n");
        }

        b.append("<h2>").append(esc(m.get("table"))).append("</h2>\n<table id=\"alerts\"><thead><tr>");
        for (String h : new String[] {"time", "severity", "exit", "host", "path", "records", "types", "samples", "triage"}) {
            b.append("<th>").append(esc(m.get("col." + h))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (Alert a : d.alerts()) {
            Triage t = d.triage().get(a.id());
            b.append("<tr><td>").append(esc(a.time().toString())).append("</td><td>").append(esc(a.severity()))
                    .append("</td><td>").append(esc(a.exitPoint())).append("</td><td>").append(esc(a.host() + " / " + a.user()))
                    .append("</td><td>").append(esc(a.path())).append("</td><td>").append(a.records()).append("</td><td>")
                    .append(esc(a.counts().toString())).append("</td><td>").append(esc(String.join(", ", a.samples())))
                    .append("</td><td>").append(esc(t == null ? m.get("open") : t.action() + ": " + t.note())).append("</td></tr>");
        }
        b.append("</tbody></table>\n");

        b.append("<h2>").append(esc(m.get("about"))).append("</h2><p>").append(esc(m.get("packs"))).append(": ")
                .append(esc(String.join("; ", d.rulePacks()))).append("</p><p id=\"chain\">").append(esc(m.get("chain")))
                .append(": ").append(esc(d.chain())).append("</p>\n");
        b.append("<script>document.querySelectorAll('#alerts th').forEach(function(th,i){th.addEventListener('click',function(){")
                .append("var body=document.querySelector('#alerts tbody');var rows=Array.prototype.slice.call(body.rows);")
                .append("var asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';rows.sort(function(a,b){")
                .append("var x=a.cells[i].textContent,y=b.cells[i].textContent,nx=parseFloat(x),ny=parseFloat(y);")
                .append("var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});")
                .append("rows.forEach(function(r){body.appendChild(r);});});});</script>\n</body></html>\n");
        return b.toString();
    }

    private static void card(StringBuilder b, String id, String label, long value, boolean alarm) {
        b.append("<div class=\"card\" id=\"card-").append(id).append("\"><b").append(alarm && value > 0 ? " class=\"high\"" : "")
                .append(" data-value=\"").append(value).append("\">").append(value).append("</b>").append(esc(label)).append("</div>");
    }

    /** A vertical bar per day. */
    private static void columns(StringBuilder b, String id, Map<LocalDate, Long> days) {
        long max = Math.max(1, days.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int w = Math.max(8, Math.min(40, 700 / Math.max(1, days.size())));
        int width = days.size() * w + 40;
        b.append("<svg id=\"").append(id).append("\" width=\"").append(width).append("\" height=\"170\" role=\"img\">");
        int x = 30;
        for (var e : days.entrySet()) {
            long h = Math.round(130.0 * e.getValue() / max);
            b.append("<rect data-label=\"").append(e.getKey()).append("\" data-value=\"").append(e.getValue()).append("\" x=\"")
                    .append(x).append("\" y=\"").append(140 - h).append("\" width=\"").append(w - 2).append("\" height=\"").append(h)
                    .append("\" fill=\"#3b6fb6\"><title>").append(e.getKey()).append(": ").append(e.getValue()).append("</title></rect>");
            x += w;
        }
        b.append("<line x1=\"28\" y1=\"141\" x2=\"").append(width).append("\" y2=\"141\" stroke=\"#888\"/>");
        b.append("<text x=\"30\" y=\"160\" font-size=\"11\">").append(days.keySet().stream().findFirst().map(Object::toString).orElse(""))
                .append("</text><text x=\"0\" y=\"12\" font-size=\"11\">").append(max).append("</text></svg>\n");
    }

    /** Horizontal bars with their labels and values. */
    private static void bars(StringBuilder b, String id, String title, Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rows = Math.min(12, values.size());
        b.append("<figure><figcaption>").append(esc(title)).append("</figcaption><svg id=\"").append(id)
                .append("\" width=\"420\" height=\"").append(rows * 22 + 8).append("\" role=\"img\">");
        int y = 4;
        int shown = 0;
        for (var e : values.entrySet()) {
            if (shown++ == rows) {
                break;
            }
            long w = Math.round(200.0 * e.getValue() / max);
            b.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(esc(shorten(e.getKey()))).append("</text>")
                    .append("<rect data-label=\"").append(esc(e.getKey())).append("\" data-value=\"").append(e.getValue())
                    .append("\" x=\"170\" y=\"").append(y).append("\" width=\"").append(Math.max(1, w)).append("\" height=\"18\" fill=\"#3b6fb6\"/>")
                    .append("<text x=\"").append(176 + w).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(e.getValue()).append("</text>");
            y += 22;
        }
        b.append("</svg></figure>\n");
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 23) + "…" : s;
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
