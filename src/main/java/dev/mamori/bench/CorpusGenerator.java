package dev.mamori.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes a mixed corpus of business files for benchmarks: Shift_JIS CSV rosters, xlsx lists,
 * docx letters, UTF-8 memos, mails, PDF reports and zips, in fixed proportions, from a seed
 * (same seed, same files).
 */
public final class CorpusGenerator {

    private static final String[] SURNAMES = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
            "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本",
            "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤",
            "青木", "坂本", "斉藤", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦"};
    private static final String[] GIVEN = {"太郎", "花子", "一郎", "美咲", "健太", "陽菜", "大輔", "さくら", "翔太", "由美",
            "直樹", "彩", "拓也", "恵子", "蓮", "結衣", "大翔", "湊", "陽太", "樹", "悠真", "葵", "凛", "芽依", "美月",
            "和子", "幸子", "節子", "博", "誠", "茂", "明美", "智子", "裕子", "浩", "隆", "修", "真由美", "達也", "亮"};
    private static final String[] PREFECTURES = {"東京都", "神奈川県", "大阪府", "愛知県", "福岡県", "北海道", "京都府",
            "埼玉県", "千葉県", "兵庫県", "静岡県", "広島県", "宮城県", "新潟県"};
    private static final String[] CITIES = {"中央区", "港区", "北区", "南区", "西区", "東区", "緑区", "青葉区", "八王子市",
            "川口市", "船橋市", "豊中市", "岡崎市", "久留米市", "旭川市", "宇治市"};
    private static final String[] TOWNS = {"本町", "栄町", "緑町", "旭町", "若葉", "桜台", "東町", "西新町", "南町", "丸の内",
            "梅田", "天神", "新横浜", "大通西", "吉田本町", "中町", "元町", "宮前"};
    private static final String[] PROSE = {
            "いつもお世話になっております。先日の打ち合わせの件につきまして、議事録と今後の進め方を共有いたします。",
            "次回は来週の定例会議で進捗を確認し、課題の洗い出しを行う予定です。ご不明な点がございましたらご連絡ください。",
            "なお、資料の最新版は共有フォルダに格納しております。期限までにご確認のほどよろしくお願いいたします。",
            "本年度の売上は前年同期比で増加しており、特に首都圏の法人向けサービスが好調に推移しています。",
            "新システムへの移行作業は予定どおり進んでおり、来月中旬にはテスト環境での検証を完了する見込みです。",
            "品質管理部門からの指摘事項について、原因の分析と再発防止策の検討を関係部署と連携して進めます。",
            "研修は二日間の日程で行い、初日は座学、二日目はグループワークと成果発表を予定しております。",
            "出張の精算は所定の様式に領収書を添付のうえ、月末までに経理部へ提出してください。"};

    private final Random random;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes {@code files} files into {@code dir}; returns their paths. */
    public List<Path> write(Path dir, int files) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path p = switch (i % 10) {
                case 0 -> csv(dir.resolve("roster-" + i + ".csv"), 40 + random.nextInt(200));
                case 1 -> xlsx(dir.resolve("list-" + i + ".xlsx"), 40 + random.nextInt(200));
                case 2, 3 -> docx(dir.resolve("letter-" + i + ".docx"), 5 + random.nextInt(30));
                case 4, 5 -> text(dir.resolve("memo-" + i + ".txt"), 5 + random.nextInt(60));
                case 6 -> eml(dir.resolve("mail-" + i + ".eml"));
                case 7, 8 -> pdf(dir.resolve("report-" + i + ".pdf"), 20 + random.nextInt(60));
                default -> zip(dir.resolve("archive-" + i + ".zip"));
            };
            out.add(p);
        }
        return out;
    }

    /** Realistic mixed text of about {@code chars} characters: prose, signatures and roster rows. */
    public String text(int chars) {
        StringBuilder b = new StringBuilder(chars + 1000);
        while (b.length() < chars) {
            b.append(line()).append('\n');
        }
        return b.toString();
    }

    /** Text of at least {@code utf8Bytes} bytes in UTF-8: what a benchmark announces as its MB of text. */
    public String textOfBytes(long utf8Bytes) {
        StringBuilder b = new StringBuilder();
        long bytes = 0;
        while (bytes < utf8Bytes) {
            String line = line() + '\n';
            b.append(line);
            bytes += line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return b.toString();
    }

    private String line() {
        return switch (random.nextInt(4)) {
            case 0 -> prose(1 + random.nextInt(3));
            case 1 -> row();
            case 2 -> signature();
            default -> "注文番号 " + (100_000_000 + random.nextInt(900_000_000)) + " 商品コード 49"
                    + (10_000_000_000L + random.nextInt(1_000_000_000)) + " 数量 " + (1 + random.nextInt(9)) + " 2026/"
                    + (1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28)) + " v1." + random.nextInt(20);
        };
    }

    private String prose(int sentences) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            b.append(PROSE[random.nextInt(PROSE.length)]);
        }
        return b.toString();
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    }

    private String phone() {
        return String.format("0%d0-%04d-%04d", 7 + random.nextInt(3), random.nextInt(10_000), 1000 + random.nextInt(9000));
    }

    private String address() {
        return PREFECTURES[random.nextInt(PREFECTURES.length)] + CITIES[random.nextInt(CITIES.length)]
                + TOWNS[random.nextInt(TOWNS.length)] + (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(20)) + "-"
                + (1 + random.nextInt(30));
    }

    private String row() {
        return name() + "," + phone() + "," + (1950 + random.nextInt(50)) + "/" + (1 + random.nextInt(12)) + "/"
                + (1 + random.nextInt(28)) + "," + address() + ",user" + random.nextInt(100_000) + "@example.co.jp";
    }

    private String signature() {
        return "株式会社サンプル 営業部 " + name() + "\n〒100-0005 " + address() + "\nTEL " + phone()
                + "\nMail: sales" + random.nextInt(1000) + "@example.co.jp";
    }

    /**
     * Writes a customer list (氏名,電話番号,生年月日,住所,メールアドレス) of at least {@code utf8Bytes}
     * bytes in UTF-8, row by row, so a list of any size costs no memory; returns its rows.
     */
    public long customerList(Path p, long utf8Bytes) throws IOException {
        long rows = 0;
        try (var out = new org.apache.commons.io.output.CountingOutputStream(Files.newOutputStream(p));
             var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
            w.write("氏名,電話番号,生年月日,住所,メールアドレス\n");
            while (out.getByteCount() < utf8Bytes) {
                for (int i = 0; i < 1000; i++) {
                    w.write(row());
                    w.write('\n');
                    rows++;
                }
                w.flush();
            }
        }
        return rows;
    }

    private Path csv(Path p, int rows) throws IOException {
        StringBuilder b = new StringBuilder("氏名,電話番号,生年月日,住所,メールアドレス\r\n");
        for (int i = 0; i < rows; i++) {
            b.append(row()).append("\r\n");
        }
        Files.write(p, b.toString().getBytes(Charset.forName("windows-31j")));
        return p;
    }

    private Path xlsx(Path p, int rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            XSSFSheet sheet = wb.createSheet("顧客");
            String[] header = {"氏名", "電話番号", "生年月日", "住所", "メールアドレス"};
            var h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= rows; r++) {
                String[] cells = row().split(",");
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            wb.write(out);
        }
        return p;
    }

    private Path docx(Path p, int paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(p)) {
            doc.createParagraph().createRun().setText(name() + " 様");
            for (int i = 0; i < paragraphs; i++) {
                doc.createParagraph().createRun().setText(prose(2 + random.nextInt(3)));
            }
            for (String line : signature().split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        return p;
    }

    private Path text(Path p, int paragraphs) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            b.append(prose(2 + random.nextInt(3))).append('\n');
        }
        b.append(signature()).append('\n');
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private Path eml(Path p) throws IOException {
        String body = name() + " 様\n\n" + prose(4) + "\n\n" + signature();
        String attachment = Base64.getMimeEncoder().encodeToString(
                (String.join("\r\n", row(), row(), row()) + "\r\n").getBytes(StandardCharsets.UTF_8));
        String mail = "From: sales@example.co.jp\r\nTo: client@example.com\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("ご連絡".getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--b1\r\nContent-Type: text/csv; name=\"list.csv\"\r\nContent-Disposition: attachment; filename=\"list.csv\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + attachment + "\r\n--b1--\r\n";
        Files.writeString(p, mail, StandardCharsets.US_ASCII);
        return p;
    }

    /** An English PDF report (the standard PDF fonts carry no Japanese glyphs). */
    private Path pdf(Path p, int lines) throws IOException {
        String[] words = {"quarterly", "revenue", "customer", "project", "schedule", "review", "delivery", "contract",
                "meeting", "budget", "status", "report", "team", "update", "service", "support"};
        try (PDDocument doc = new PDDocument()) {
            PDPage page = null;
            PDPageContentStream cs = null;
            for (int i = 0; i < lines; i++) {
                if (i % 40 == 0) {
                    if (cs != null) {
                        cs.endText();
                        cs.close();
                    }
                    page = new PDPage();
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    cs.newLineAtOffset(40, 740);
                }
                StringBuilder line = new StringBuilder();
                if (i % 9 == 4) {
                    line.append("Contact: Taro Yamada, Tel +81-3-").append(1000 + random.nextInt(9000)).append("-")
                            .append(1000 + random.nextInt(9000)).append(", taro.yamada").append(random.nextInt(100))
                            .append("@example.co.jp");
                } else {
                    for (int w = 0; w < 12; w++) {
                        line.append(words[random.nextInt(words.length)]).append(' ');
                    }
                }
                cs.showText(line.toString());
                cs.newLineAtOffset(0, -16);
            }
            if (cs != null) {
                cs.endText();
                cs.close();
            }
            doc.save(p.toFile());
        }
        return p;
    }

    private Path zip(Path p) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < 3; i++) {
                zip.putNextEntry(new ZipEntry("docs/memo-" + i + ".txt"));
                zip.write(text(2_000).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return p;
    }
}
