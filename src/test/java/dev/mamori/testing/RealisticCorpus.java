package dev.mamori.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * A folder of realistic Japanese business files, written by real libraries and filled with
 * datafaker's Japanese data plus hand-written documents: a Shift_JIS customer list, a member
 * roster of more than 1,000 persons, a 履歴書, an onboarding form with My Numbers, a confidential
 * spec, a PPAP mail, an invoice, a news article about a leak and a novel excerpt. Every personal
 * value written is remembered in {@link #planted()}, so tests can prove none leaks into output.
 */
public final class RealisticCorpus {

    private static final String[] TOWNS = {"本町", "中央", "栄町", "緑町", "旭町", "若葉", "桜台", "東町", "西新町", "南町"};

    private final Path root;
    private final Faker faker = new Faker(Locale.JAPANESE, new Random(20261126));
    private final Random random = new Random(7);
    private final List<String> planted = new ArrayList<>();

    private RealisticCorpus(Path root) {
        this.root = root;
    }

    public static RealisticCorpus writeTo(Path root) throws Exception {
        RealisticCorpus c = new RealisticCorpus(root);
        c.write();
        return c;
    }

    public Path root() {
        return root;
    }

    /** Raw personal values written into the files (names, phones, e-mails, numbers, addresses). */
    public List<String> planted() {
        return planted;
    }

    private String plant(String value) {
        planted.add(value);
        return value;
    }

    private record Person(String surname, String given, String phone, String birth, String address, String email) {
        String name() {
            return surname + " " + given;
        }
    }

    private Person person() {
        String surname = faker.name().lastName().replace(" ", "");
        String given = faker.name().firstName().replace(" ", ""); // datafaker writes some as "未 来"
        String phone = String.format("0%d0-%04d-%04d", 7 + random.nextInt(3), random.nextInt(10_000), 1000 + random.nextInt(9000));
        String birth = String.format("%d/%02d/%02d", 1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        // datafaker's Japanese street names carry English suffixes ("宮本Crescent"): use real-looking towns
        String address = faker.address().state() + faker.address().city() + TOWNS[random.nextInt(TOWNS.length)]
                + (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
        String email = "user" + random.nextInt(100_000) + "@example.co.jp";
        Person p = new Person(surname, given, phone, birth, address, email);
        plant(p.phone());
        plant(p.email());
        plant(p.address());
        plant(p.birth().replace('/', '-')); // the ISO form a validator computes must not leak either
        return p;
    }

    private void write() throws Exception {
        Files.createDirectories(root);
        customerList();
        memberRoster();
        resume();
        onboarding();
        confidentialSpec();
        ppapMail();
        invoice();
        newsArticle();
        novel();
    }

    /** 顧客リスト: 25 customers, Shift_JIS with CRLF as Excel exports it. */
    private void customerList() throws Exception {
        StringBuilder csv = new StringBuilder("顧客ID,氏名,電話番号,生年月日,住所,メールアドレス\r\n");
        for (int i = 0; i < 25; i++) {
            Person p = person();
            csv.append("C").append(10_000 + i).append(',').append(p.name()).append(',').append(p.phone()).append(',')
                    .append(p.birth()).append(',').append(p.address()).append(',').append(p.email()).append("\r\n");
        }
        Documents.text(root.resolve("顧客リスト_202611.csv"), csv.toString(), Charset.forName("windows-31j"));
    }

    /** 会員名簿: 1,050 members in a spreadsheet: over APPI's 1,000-person line. */
    private void memberRoster() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("会員番号", "氏名", "電話番号", "住所"));
        for (int i = 0; i < 1_050; i++) {
            Person p = person();
            rows.add(List.of(String.valueOf(500_000 + i), p.name(), p.phone(), p.address()));
        }
        Documents.xlsx(root.resolve("会員名簿.xlsx"), rows);
    }

    private void resume() throws Exception {
        plant("090-3141-5926");
        plant("sakura.takahashi@example.ne.jp");
        Documents.docx(root.resolve("履歴書_高橋さくら.docx"), List.of(
                "履　歴　書", "2026年11月1日現在",
                "ふりがな　たかはし さくら", "氏名　高橋 さくら",
                "生年月日　平成7年5月23日生（満31歳）", "性別　女",
                "現住所　〒150-0002 東京都渋谷区渋谷2丁目21番1号 渋谷ハイツ1203号室",
                "電話　090-3141-5926", "E-mail　sakura.takahashi@example.ne.jp",
                "学歴", "平成26年3月　東京都立青山高等学校 卒業", "平成30年3月　早稲田大学 商学部 卒業",
                "職歴", "平成30年4月　株式会社サンプル商事 入社 営業部配属", "令和5年3月　一身上の都合により退職",
                "志望動機", "貴社の個人情報保護への取り組みに共感し、志望いたしました。"));
    }

    private void onboarding() throws Exception {
        plant("1234 5678 9018");
        plant("4321 8765 2100");
        Documents.text(root.resolve("入社手続き_マイナンバー提出.txt"), String.join("\n",
                "人事部 御中", "", "入社手続き書類（マイナンバー）", "",
                "氏名：伊藤 健太", "個人番号：1234 5678 9018", "",
                "扶養家族", "氏名：伊藤 美咲　続柄：妻　個人番号：4321 8765 2100", "",
                "以上、よろしくお願いいたします。"), StandardCharsets.UTF_8);
    }

    private void confidentialSpec() throws Exception {
        Documents.docx(root.resolve("製品仕様書_v2.docx"), List.of(
                "【社外秘】", "次世代基地局 制御ソフトウェア 仕様書 第2版",
                "1. 概要", "本書は次世代基地局の制御ソフトウェアの内部仕様を定める。",
                "2. 構成", "制御部、無線部、監視部の3モジュールから成る。",
                "3. 改訂履歴", "第1版 2026/04/01 初版", "第2版 2026/10/15 監視部のインタフェースを変更"));
    }

    private void ppapMail() throws Exception {
        byte[] list = "氏名,電話番号\r\n佐藤 一郎,03-5555-0101\r\n".getBytes(Charset.forName("windows-31j"));
        Path zip = Documents.encryptedZip(root.resolve("tmp-ppap.zip"), Map.of("顧客一覧.csv", list), "P@ss2026");
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        attachments.put("顧客一覧.zip", Files.readAllBytes(zip));
        Files.delete(zip);
        Documents.eml(root.resolve("見積書送付.eml"), "eigyo@example.co.jp", "partner@example.com", "顧客一覧の送付",
                "いつもお世話になっております。\n顧客一覧をお送りします。パスワードは別メールにてお送りします。", attachments);
    }

    private void invoice() throws Exception {
        Documents.text(root.resolve("請求書_2026-11.txt"), String.join("\n",
                "請求書", "株式会社サンプル商事 御中", "",
                "請求番号 INV-2026-1102", "発行日 2026年11月20日",
                "登録番号 T7000012050002", "",
                "品名　保守サービス（11月分）　数量 1　金額 ¥330,000", "",
                "株式会社マモリ・テクノロジーズ", "〒100-0005 東京都千代田区丸の内1丁目9番1号",
                "TEL 03-6555-0199"), StandardCharsets.UTF_8);
    }

    /** A news article about a leak: event dates, counts, company names, no personal data. */
    private void newsArticle() throws Exception {
        Documents.text(root.resolve("ニュース_情報流出.txt"), String.join("\n",
                "大手教育会社で顧客情報流出　約2,895万件",
                "",
                "2024年7月9日、教育サービス大手の株式会社ベネッセ風社は、顧客の氏名、住所、電話番号、生年月日などの"
                        + "個人情報が外部に流出したと発表した。流出したのは約2,895万件で、業務委託先の元社員が"
                        + "私物のスマートフォンにデータを複製して持ち出したとみられる。",
                "同社は2024年7月17日に記者会見を開き、再発防止策として USB メモリの利用制限や監視体制の強化を発表した。",
                "個人情報保護委員会は同年9月、同社に対して報告を求めた。"), StandardCharsets.UTF_8);
    }

    private void novel() throws Exception {
        Documents.text(root.resolve("小説_夜明けの駅.txt"), String.join("\n",
                "夜明けの駅", "",
                "山本 遥は始発電車を待っていた。隣のベンチでは、中村 陸がうとうとしている。",
                "「遥、切符は持った？」と陸が目をこすりながら聞いた。",
                "遥はうなずき、ポケットの中の古い写真を握りしめた。そこには祖父の山本 清が写っていた。"), StandardCharsets.UTF_8);
    }
}
