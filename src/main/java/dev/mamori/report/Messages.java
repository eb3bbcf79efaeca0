package dev.mamori.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Report texts in Japanese and English: headings, and the labels of every closed set a report
 * shows (severities, exit points, triage actions, information types, reasons, chain results).
 * An unknown key shows as itself, so a new type is readable before it is translated.
 */
public record Messages(String lang, Map<String, String> texts) {

    private static final Map<String, String> JA = Map.ofEntries(
            Map.entry("title", "情報漏えい防止 アラートレポート"), Map.entry("alerts", "個人データのアラート"),
            Map.entry("high", "重要度 高"), Map.entry("medium", "重要度 中"), Map.entry("reportable", "個人情報保護委員会への報告が必要"),
            Map.entry("cannotJudge", "判断できない事案"), Map.entry("health", "エージェントの異常"),
            Map.entry("quarantined", "隔離"), Map.entry("overTime", "日別アラート件数"), Map.entry("bySeverity", "重要度別"),
            Map.entry("byType", "情報の種類別（アラート数）"), Map.entry("byExit", "持ち出し経路別"), Map.entry("byUser", "端末・ユーザー別"),
            Map.entry("byRule", "ルール別"), Map.entry("appiTitle", "個人情報保護法上の報告対象となりうる事案"),
            Map.entry("appiNone", "該当する事案はありません。"),
            Map.entry("appiIntro", "1,000 人を超える本人の個人データ、またはクレジットカード番号を含むおそれのある事案を、ファイルを読み直して本人の数（氏名と生年月日・住所・電話番号のいずれかが一致すれば同一人物）で判定しています。"),
            Map.entry("appi.REQUIRED", "報告が必要"), Map.entry("appi.NOT_MET", "基準に該当せず"),
            Map.entry("appi.CANNOT_JUDGE", "判断できません（ファイルを確認してください）"),
            Map.entry("rows", "行"), Map.entry("persons", "人"), Map.entry("personsUnknown", "本人数 不明"),
            Map.entry("criterion.persons", "1,000 人超"), Map.entry("criterion.cards", "カード・口座番号（財産的被害）"),
            Map.entry("criterion.special-care", "要配慮個人情報"), Map.entry("type.SPECIAL_CARE_DATA", "要配慮個人情報"),
            Map.entry("records", "件"), Map.entry("table", "アラート一覧（列見出しで並べ替え）"), Map.entry("open", "未対応"),
            Map.entry("shownOf", "重要度の高い順に {0} 件を表示（全 {1} 件）。全件の一覧: "),
            Map.entry("shownOfStdout", "重要度の高い順に {0} 件を表示（全 {1} 件）。全件は --format csv で出力できます。"),
            Map.entry("more", "ほか {0} 件"),
            Map.entry("healthTitle", "エージェントの異常（個人データの集計には含めません）"), Map.entry("healthNone", "ありません。"),
            Map.entry("fleetTitle", "端末と部署"), Map.entry("col.hostOnly", "端末"), Map.entry("col.department", "部署"),
            Map.entry("col.lastSeen", "最終受信"), Map.entry("col.hosts", "端末数"), Map.entry("silent", "1日以上無通信"),
            Map.entry("oldPacks", "古いルールパック"), Map.entry("col.packs", "ルールパック"),
            Map.entry("about", "このレポートについて"), Map.entry("packs", "判定に使ったルールパック（アラート件数）"), Map.entry("chain", "改ざん検知（ハッシュチェーン）"),
            Map.entry("zone", "時刻の表示"), Map.entry("generated", "作成"),
            Map.entry("chain.ok", "正常: {0} 件の記録を検証、最新 {1}"), Map.entry("chain.broken", "改ざんの疑い: {0}"),
            Map.entry("col.time", "日時"), Map.entry("col.severity", "重要度"), Map.entry("col.exit", "経路"),
            Map.entry("col.host", "端末 / ユーザー"), Map.entry("col.path", "ファイル"), Map.entry("col.records", "件数"),
            Map.entry("col.types", "種類"), Map.entry("col.samples", "マスク済みの例"), Map.entry("col.triage", "対応"),
            Map.entry("col.problem", "内容"),
            Map.entry("sev.high", "高"), Map.entry("sev.medium", "中"), Map.entry("sev.low", "低"), Map.entry("sev.none", "なし"),
            Map.entry("exit.usb", "USB"), Map.entry("exit.cloud-sync", "クラウド同期"), Map.entry("exit.outbox", "送信フォルダ"),
            Map.entry("exit.watched", "監視フォルダ"), Map.entry("exit.agent", "エージェント"),
            Map.entry("problem.config-refused", "設定ファイルを拒否（前の設定で動作中）"), Map.entry("problem.rules-refused", "ルールパックを拒否（前のルールで動作中）"),
            Map.entry("problem.other", "エージェントの異常"), Map.entry("problem.walk-failed", "監視場所を走査できない"),
            Map.entry("problem.bundle-refused", "配布ルールを拒否（署名・版・内容の不備）"), Map.entry("problem.bundle-unreachable", "配布ルールを取得できない"),
            Map.entry("problem.sequence-broken", "アラートの連番が欠落・逆転（収集側で検出）"),
            Map.entry("problem.chain-broken", "アラート記録の改ざん・欠落（起動時のハッシュチェーン検査）"), Map.entry("col.kind", "異常の種類"),
            Map.entry("triage.ack", "確認済"), Map.entry("triage.dismiss", "却下"), Map.entry("triage.escalate", "エスカレーション"), Map.entry("triage.restore", "隔離解除"),
            Map.entry("action.quarantine", "隔離済"),
            Map.entry("type.PERSON_NAME", "氏名"), Map.entry("type.STREET_ADDRESS", "住所"), Map.entry("type.PHONE_NUMBER", "電話番号"),
            Map.entry("type.DATE_OF_BIRTH", "生年月日"), Map.entry("type.EMAIL_ADDRESS", "メールアドレス"),
            Map.entry("type.JAPAN_INDIVIDUAL_NUMBER", "個人番号"), Map.entry("type.CREDIT_CARD_NUMBER", "クレジットカード番号"),
            Map.entry("type.JAPAN_CORPORATE_NUMBER", "法人番号"),
            Map.entry("type.JAPAN_PASSPORT", "旅券番号"),
            Map.entry("type.JAPAN_DRIVERS_LICENSE_NUMBER", "運転免許証番号"), Map.entry("type.JAPAN_RESIDENCE_CARD_NUMBER", "在留カード番号"),
            Map.entry("type.JAPAN_BASIC_PENSION_NUMBER", "基礎年金番号"), Map.entry("type.JAPAN_HEALTH_INSURANCE_NUMBER", "被保険者記号・番号"), Map.entry("type.JAPAN_BANK_ACCOUNT", "銀行口座番号"), Map.entry("type.CONFIDENTIAL_MARKER", "社外秘表示"),
            Map.entry("reason.encrypted", "個人データ未検出: 暗号化されていて検査不能"),
            Map.entry("reason.error", "個人データ未検出: 検査不能（破損・時間切れなど）"),
            Map.entry("reason.truncated", "個人データ未検出: 一部のみ検査"),
            Map.entry("reason.skipped", "個人データ未検出: 検査対象外"),
            Map.entry("reason.unknown", "個人データ未検出: 検査できなかった可能性（理由の記録なし）"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Data-loss prevention alert report"), Map.entry("alerts", "personal-data alerts"),
            Map.entry("high", "severity high"), Map.entry("medium", "severity medium"), Map.entry("reportable", "report to the PPC required"),
            Map.entry("cannotJudge", "cannot be judged"), Map.entry("health", "agent health"),
            Map.entry("quarantined", "quarantined"), Map.entry("overTime", "Alerts per day"), Map.entry("bySeverity", "By severity"),
            Map.entry("byType", "By type (alerts)"), Map.entry("byExit", "By exit point"), Map.entry("byUser", "By host / user"),
            Map.entry("byRule", "By rule"), Map.entry("appiTitle", "Incidents that may have to be reported under APPI"),
            Map.entry("appiNone", "None."),
            Map.entry("appiIntro", "Incidents that may involve more than 1,000 persons or card numbers, judged on the files read again, by distinct persons (records sharing a name with a birth date, address or phone number are one person)."),
            Map.entry("appi.REQUIRED", "report required"), Map.entry("appi.NOT_MET", "criteria not met"),
            Map.entry("appi.CANNOT_JUDGE", "cannot judge (check the file)"),
            Map.entry("rows", "rows"), Map.entry("persons", "persons"), Map.entry("personsUnknown", "persons unknown"),
            Map.entry("criterion.persons", "more than 1,000 persons"), Map.entry("criterion.cards", "card or bank account numbers"),
            Map.entry("criterion.special-care", "special care-required data"), Map.entry("type.SPECIAL_CARE_DATA", "special care-required data"),
            Map.entry("records", "records"), Map.entry("table", "Alerts (click a heading to sort)"), Map.entry("open", "open"),
            Map.entry("shownOf", "The {0} most severe of {1} alerts are shown. The full list: "),
            Map.entry("shownOfStdout", "The {0} most severe of {1} alerts are shown. Use --format csv for the full list."),
            Map.entry("more", "{0} more"),
            Map.entry("healthTitle", "Agent health (not counted as personal data)"), Map.entry("healthNone", "None."),
            Map.entry("fleetTitle", "Hosts and departments"), Map.entry("col.hostOnly", "host"), Map.entry("col.department", "department"),
            Map.entry("col.lastSeen", "last heard of"), Map.entry("col.hosts", "hosts"), Map.entry("silent", "silent over a day"),
            Map.entry("oldPacks", "old rule packs"), Map.entry("col.packs", "rule packs"),
            Map.entry("about", "About this report"), Map.entry("packs", "Rule packs that judged these alerts (alerts)"), Map.entry("chain", "Tamper check (hash chain)"),
            Map.entry("zone", "Times shown in"), Map.entry("generated", "generated"),
            Map.entry("chain.ok", "intact: {0} records verified, head {1}"), Map.entry("chain.broken", "BROKEN: {0}"),
            Map.entry("col.time", "time"), Map.entry("col.severity", "severity"), Map.entry("col.exit", "exit point"),
            Map.entry("col.host", "host / user"), Map.entry("col.path", "file"), Map.entry("col.records", "records"),
            Map.entry("col.types", "types"), Map.entry("col.samples", "masked samples"), Map.entry("col.triage", "triage"),
            Map.entry("col.problem", "details"),
            Map.entry("sev.high", "high"), Map.entry("sev.medium", "medium"), Map.entry("sev.low", "low"), Map.entry("sev.none", "none"),
            Map.entry("exit.usb", "USB"), Map.entry("exit.cloud-sync", "cloud sync"), Map.entry("exit.outbox", "outbox"),
            Map.entry("exit.watched", "watched folder"), Map.entry("exit.agent", "agent"),
            Map.entry("problem.config-refused", "config refused (previous config in force)"), Map.entry("problem.rules-refused", "rule packs refused (previous rules in force)"),
            Map.entry("problem.other", "agent problem"), Map.entry("problem.walk-failed", "a watched place cannot be walked"),
            Map.entry("problem.bundle-refused", "rule bundle refused (signature, version or packs)"), Map.entry("problem.bundle-unreachable", "rule bundle unreachable"),
            Map.entry("problem.sequence-broken", "alerts missing or out of order (seen by the collector)"),
            Map.entry("problem.chain-broken", "alert records changed or removed (hash chain check at start)"), Map.entry("col.kind", "problem"),
            Map.entry("triage.ack", "acknowledged"), Map.entry("triage.dismiss", "dismissed"), Map.entry("triage.escalate", "escalated"), Map.entry("triage.restore", "restored from quarantine"),
            Map.entry("action.quarantine", "quarantined"),
            Map.entry("type.PERSON_NAME", "name"), Map.entry("type.STREET_ADDRESS", "address"), Map.entry("type.PHONE_NUMBER", "phone"),
            Map.entry("type.DATE_OF_BIRTH", "birth date"), Map.entry("type.EMAIL_ADDRESS", "e-mail"),
            Map.entry("type.JAPAN_INDIVIDUAL_NUMBER", "My Number"), Map.entry("type.CREDIT_CARD_NUMBER", "card number"),
            Map.entry("type.JAPAN_CORPORATE_NUMBER", "corporate number"),
            Map.entry("type.JAPAN_PASSPORT", "passport number"),
            Map.entry("type.JAPAN_DRIVERS_LICENSE_NUMBER", "driver's licence number"), Map.entry("type.JAPAN_RESIDENCE_CARD_NUMBER", "residence card number"),
            Map.entry("type.JAPAN_BASIC_PENSION_NUMBER", "basic pension number"), Map.entry("type.JAPAN_HEALTH_INSURANCE_NUMBER", "health-insurance symbol and number"), Map.entry("type.JAPAN_BANK_ACCOUNT", "bank account"), Map.entry("type.CONFIDENTIAL_MARKER", "confidential marking"),
            Map.entry("reason.encrypted", "no personal data found: encrypted, cannot be inspected"),
            Map.entry("reason.error", "no personal data found: could not be inspected (corrupt, timed out ...)"),
            Map.entry("reason.truncated", "no personal data found: only partly inspected"),
            Map.entry("reason.skipped", "no personal data found: not inspected on purpose"),
            Map.entry("reason.unknown", "no personal data found: possibly not inspectable (no reason recorded)"));

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

    /** The text of {@code key} with {@code {0}}, {@code {1}} ... replaced. */
    public String format(String key, Object... args) {
        String s = get(key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** The label of one value of a closed set ({@code sev}, {@code exit}, {@code triage}, {@code type}), or the value. */
    public String label(String set, String value) {
        return texts.getOrDefault(set + "." + value, value);
    }

    public String title() {
        return get("title");
    }

    /** Seconds, no fractions: what an auditor reads and signs. */
    public static DateTimeFormatter timeFormat(ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }
}
