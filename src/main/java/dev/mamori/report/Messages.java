package dev.mamori.report;

import java.util.Locale;
import java.util.Map;

/** Report texts in Japanese and English. */
public record Messages(String lang, Map<String, String> texts) {

    private static final Map<String, String> JA = Map.ofEntries(
            Map.entry("title", "情報漏えい防止 アラートレポート"), Map.entry("alerts", "アラート"), Map.entry("high", "重大 (high)"),
            Map.entry("medium", "中 (medium)"), Map.entry("reportable", "個人情報保護委員会への報告対象"),
            Map.entry("quarantined", "隔離"), Map.entry("overTime", "日別アラート件数"), Map.entry("bySeverity", "重要度別"),
            Map.entry("byType", "情報の種類別"), Map.entry("byExit", "持ち出し経路別"), Map.entry("byUser", "端末・ユーザー別"),
            Map.entry("byRule", "ルール別"), Map.entry("appiTitle", "個人情報保護法上の報告対象となりうる事案"),
            Map.entry("appiNone", "該当する事案はありません。"),
            Map.entry("appiSome", "以下の事案は 1,000 人超の個人データ、またはクレジットカード番号を含み、個人情報保護委員会への報告と本人への通知が必要となる可能性があります。"),
            Map.entry("records", "件"), Map.entry("table", "アラート一覧（列見出しで並べ替え）"), Map.entry("open", "未対応"),
            Map.entry("about", "このレポートについて"), Map.entry("packs", "適用ルールパック"), Map.entry("chain", "改ざん検知（ハッシュチェーン）"),
            Map.entry("col.time", "日時"), Map.entry("col.severity", "重要度"), Map.entry("col.exit", "経路"),
            Map.entry("col.host", "端末 / ユーザー"), Map.entry("col.path", "ファイル"), Map.entry("col.records", "件数"),
            Map.entry("col.types", "種類"), Map.entry("col.samples", "マスク済みの例"), Map.entry("col.triage", "対応"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Data-loss prevention alert report"), Map.entry("alerts", "alerts"), Map.entry("high", "high"),
            Map.entry("medium", "medium"), Map.entry("reportable", "reportable to the PPC (APPI)"),
            Map.entry("quarantined", "quarantined"), Map.entry("overTime", "Alerts per day"), Map.entry("bySeverity", "By severity"),
            Map.entry("byType", "By type"), Map.entry("byExit", "By exit point"), Map.entry("byUser", "By host / user"),
            Map.entry("byRule", "By rule"), Map.entry("appiTitle", "Incidents that may have to be reported under APPI"),
            Map.entry("appiNone", "None."),
            Map.entry("appiSome", "These incidents involve personal data of more than 1,000 persons or card numbers: a report to the PPC and notice to the persons concerned may be required."),
            Map.entry("records", "records"), Map.entry("table", "Alerts (click a heading to sort)"), Map.entry("open", "open"),
            Map.entry("about", "About this report"), Map.entry("packs", "Rule packs in force"), Map.entry("chain", "Tamper check (hash chain)"),
            Map.entry("col.time", "time"), Map.entry("col.severity", "severity"), Map.entry("col.exit", "exit point"),
            Map.entry("col.host", "host / user"), Map.entry("col.path", "file"), Map.entry("col.records", "records"),
            Map.entry("col.types", "types"), Map.entry("col.samples", "masked samples"), Map.entry("col.triage", "triage"));

    public static Messages of(String lang) {
        return "ja".equals(lang) ? new Messages("ja", JA) : new Messages("en", EN);
    }

    /** Japanese when the platform's locale is Japanese, else English. */
    public static String defaultLang() {
        return Locale.getDefault().getLanguage().equals("ja") ? "ja" : "en";
    }

    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    public String title() {
        return get("title");
    }
}
