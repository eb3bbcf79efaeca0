package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.alert.ChainHash;
import dev.mamori.alert.Triage;
import dev.mamori.impact.Impact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The incident sheet for one alert or one query ({@code mamori report --incident QUERY}): what left,
 * when, where, whose data (types, rows, distinct persons across all the files), the APPI assessment
 * with the criteria met and the deadlines that follow (速報 within 3–5 days, 確報 within 30 days,
 * 60 for a suspected malicious act), and the hash-chain proof for the records. Self-contained HTML,
 * masked evidence only. Japanese first: it is the document filed with the PPC's form.
 *
 * @param query     the query the alerts matched
 * @param zone      the zone times and deadlines are shown in
 * @param alerts    the personal-data alerts of the incident, newest first
 * @param impact    the files read again, counted together
 * @param chain     the chain check of the whole store
 * @param triage    latest triage per alert id
 * @param generated when the sheet was made
 */
public record IncidentSheet(String query, ZoneId zone, List<Alert> alerts, Impact impact, ChainHash.Verification chain,
                            Map<String, Triage> triage, Instant generated) {

    /** The criteria met: persons counted from the files; card numbers and special care-required data from the files or the alerts. */
    public List<String> criteria() {
        boolean cards = impact.cards() > 0 || alerts.stream().anyMatch(a -> Impact.financial(a.counts()));
        boolean special = impact.specialCare() > 0 || alerts.stream().anyMatch(a -> Impact.specialCare(a.counts()));
        return Impact.Criterion.met(impact.persons(), cards, special).stream().map(Impact.Criterion::key).toList();
    }

    public Impact.Judgement judgement() {
        return criteria().isEmpty() ? impact.judgement() : Impact.Judgement.REQUIRED;
    }

    /** When the organisation learnt of it: the first alert. */
    public LocalDate discovered() {
        return alerts.stream().map(Alert::time).min(Comparator.naturalOrder()).orElse(generated).atZone(zone).toLocalDate();
    }

    public String render(Messages m) {
        boolean ja = m.lang().equals("ja");
        DateTimeFormatter time = Messages.timeFormat(zone);
        StringBuilder b = new StringBuilder(32 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(m.lang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>").append(ja ? "漏えい等事案 報告用シート" : "Incident sheet").append("</title><style>")
                .append("body{font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:20px}h2{font-size:16px;margin-top:24px}table{border-collapse:collapse;font-size:13px}")
                .append("td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}th{background:#f0f0f0}")
                .append(".high{color:#b00020}.path{word-break:break-all;max-width:420px}")
                .append("@media print{@page{size:A4;margin:14mm 12mm}body{margin:0;font-size:10pt}table{width:100%;font-size:8.5pt}")
                .append("thead{display:table-header-group}tr{break-inside:avoid}h2{break-after:avoid}}</style></head><body>\n");
        b.append("<h1>").append(ja ? "漏えい等事案 報告用シート" : "Incident sheet").append("</h1>\n<table id=\"summary\">");
        row(b, ja ? "対象（検索条件）" : "query", query);
        row(b, ja ? "作成" : "generated", time.format(generated) + " (" + zone.getId() + ")");
        Instant firstTime = alerts.stream().map(Alert::time).min(Comparator.naturalOrder()).orElse(generated);
        Instant lastTime = alerts.stream().map(Alert::time).max(Comparator.naturalOrder()).orElse(generated);
        row(b, ja ? "いつ（検知日時）" : "when (detected)", time.format(firstTime) + (firstTime.equals(lastTime) ? "" : " – " + time.format(lastTime)));
        TreeSet<String> where = new TreeSet<>();
        TreeSet<String> who = new TreeSet<>();
        alerts.forEach(a -> {
            where.add(m.label("exit", a.exitPoint().label()));
            who.add(a.host() + " / " + a.user());
        });
        row(b, ja ? "どこへ（経路）" : "where (exit points)", String.join(", ", where));
        row(b, ja ? "端末 / ユーザー" : "host / user", String.join(", ", who));
        row(b, ja ? "ファイル数" : "files", alerts.stream().map(a -> a.containerPath()).distinct().count() + "");
        Map<String, Integer> types = new TreeMap<>();
        alerts.forEach(a -> a.counts().forEach((t, n) -> types.merge(t, n, Integer::sum)));
        row(b, ja ? "個人データの種類と件数" : "personal data (types, counts)", ReportData.typeList(types, m));
        row(b, ja ? "行数（個人の記録）" : "rows (personal records)", String.valueOf(alerts.stream().mapToLong(Alert::records).sum()));
        row(b, ja ? "本人の数（重複を除く）" : "distinct persons",
                impact.documents() == 0 ? m.get("personsUnknown") : impact.persons() + " " + m.get("persons")
                        + (ja ? "（ファイルを読み直して計数。氏名と生年月日・住所・電話番号のいずれかが一致すれば同一人物）"
                        : " (files read again; records sharing a name with a birth date, address or phone are one person)"));
        List<String> packs = ReportData.packsOf(alerts);
        row(b, ja ? "判定に使ったルールパック（件数）" : "rule packs that judged them (alerts)",
                packs.isEmpty() ? (ja ? "記録なし" : "not recorded") : String.join(", ", packs));
        b.append("</table>\n");

        b.append("<h2 id=\"appi\">").append(ja ? "個人情報保護法に基づく報告の要否" : "APPI assessment").append("</h2>\n<p id=\"judgement\"")
                .append(judgement() == Impact.Judgement.NOT_MET ? "" : " class=\"high\"").append('>')
                .append(esc(m.get("appi." + judgement())));
        if (!criteria().isEmpty()) {
            b.append(": ").append(esc(String.join(", ", criteria().stream().map(k -> m.get("criterion." + k)).toList())));
        }
        b.append("</p>\n");
        if (!impact.notCounted().isEmpty()) {
            b.append("<p>").append(ja ? "読めなかったもの: " : "could not be read: ").append(esc(String.join(", ", impact.notCounted())))
                    .append("</p>\n");
        }
        LocalDate found = discovered();
        b.append("<table id=\"deadlines\"><thead><tr><th>").append(ja ? "報告" : "report").append("</th><th>")
                .append(ja ? "期限の目安（発覚日 " : "deadline (discovered ").append(found).append(")</th></tr></thead><tbody>");
        row(b, ja ? "速報（個人情報保護委員会へ）" : "preliminary report (速報) to the PPC",
                found.plusDays(3) + " – " + found.plusDays(5) + (ja ? "（発覚から 3〜5 日以内）" : " (within 3–5 days)"));
        row(b, ja ? "確報" : "final report (確報)", found.plusDays(30) + (ja ? "（30 日以内）" : " (within 30 days)"));
        row(b, ja ? "確報（不正の目的によるおそれがある場合）" : "final report, if a malicious act is suspected",
                found.plusDays(60) + (ja ? "（60 日以内）" : " (within 60 days)"));
        row(b, ja ? "本人への通知" : "notice to the persons", ja ? "速やかに" : "promptly");
        b.append("</tbody></table>\n<p>").append(ja
                ? "要配慮個人情報は、人に結び付いた病歴・障害・犯罪歴・信条などの欄や項目として見つかったものを数えています（それ以外の書き方は担当者が確認してください）。不正の目的のおそれは自動では判定していません。"
                : "Special care-required data is counted where it was found tied to a person (a column or labelled item of a diagnosis, disability, criminal record or creed; check other wordings yourself). Malicious intent is not judged.").append("</p>\n");

        b.append("<h2>").append(ja ? "対象のアラート" : "Alerts").append("</h2>\n<table id=\"alerts\"><thead><tr>");
        for (String h : new String[] {"time", "severity", "exit", "host", "path", "records", "types", "triage"}) {
            b.append("<th>").append(esc(m.get("col." + h))).append("</th>");
        }
        b.append("<th>").append(ja ? "記録番号 / ファイルのハッシュ" : "record no. / file hash").append("</th></tr></thead><tbody>");
        HtmlReport html = new HtmlReport(m);
        for (Alert a : alerts) {
            b.append("<tr><td>").append(esc(time.format(a.time()))).append("</td><td>").append(esc(m.label("sev", a.severity().label())))
                    .append("</td><td>").append(esc(m.label("exit", a.exitPoint().label()))).append("</td><td>")
                    .append(esc(a.host() + " / " + a.user())).append("</td><td class=\"path\">").append(esc(a.path()))
                    .append("</td><td>").append(a.records()).append("</td><td>").append(esc(ReportData.typeList(a.counts(), m)))
                    .append("</td><td>").append(esc(html.triage(triage.get(a.id()), time))).append("</td><td>#").append(a.seq())
                    .append(" / ").append(esc(a.sha256().isEmpty() ? "-" : a.sha256().substring(0, Math.min(16, a.sha256().length()))))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>\n<h2 id=\"chain\">").append(esc(m.get("chain"))).append("</h2>\n<p>");
        long maxSeq = alerts.stream().mapToLong(Alert::seq).max().orElse(0);
        if (chain.ok()) {
            b.append(esc(m.format("chain.ok", chain.records(), chain.head()))).append(". ").append(ja
                    ? "上記の記録番号はすべてこのチェーンに含まれ（最大 #" + maxSeq + "）、記録後に変更・削除・挿入されていません。最新のハッシュを外部に控えておけば、後日同じ検証ができます。"
                    : "Every record number above is in this chain (up to #" + maxSeq + ") and has not been changed, removed or inserted since. Keep the head outside to check again later.");
        } else {
            b.append("<span class=\"high\">").append(esc(m.format("chain.broken", chain.problem()))).append("</span>");
        }
        b.append("</p>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    private static String esc(String s) {
        return HtmlReport.esc(s);
    }
}
