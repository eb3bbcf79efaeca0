package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.testing.BundledRules;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the bundled rules find in short texts, as a table: text | type | how many | weakest
 * acceptable confidence (or "-" for none expected). Hard negatives sit beside the positives.
 */
class DetectionTableTest {

    private static final DetectionEngine ENGINE = BundledRules.get().engine();

    private static List<Finding> find(String text, String type) {
        return ENGINE.detect(text).findings().stream().filter(f -> f.type().equals(type)).toList();
    }

    @ParameterizedTest(name = "[{index}] {1} x{2} in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            # phone numbers: every area-code length, mobile, IP, free dial, +81, full width, parentheses
            TEL 03-1234-5678                          | PHONE_NUMBER | 1 | high
            電話：045-123-4567                          | PHONE_NUMBER | 1 | high
            0123-45-6789                              | PHONE_NUMBER | 1 | medium
            01234-5-6789                              | PHONE_NUMBER | 1 | medium
            携帯 090-1234-5678 / 080-9876-5432         | PHONE_NUMBER | 2 | high
            IP電話 050-1234-5678                       | PHONE_NUMBER | 1 | high
            フリーダイヤル 0120-123-456                 | PHONE_NUMBER | 1 | medium
            0800-123-4567                             | PHONE_NUMBER | 1 | medium
            ナビダイヤル 0570-012-345                   | PHONE_NUMBER | 1 | medium
            +81-3-1234-5678                           | PHONE_NUMBER | 1 | medium
            +81 90 1234 5678                          | PHONE_NUMBER | 1 | medium
            (03)1234-5678                             | PHONE_NUMBER | 1 | medium
            ０３－１２３４－５６７８                        | PHONE_NUMBER | 1 | medium
            電話 ０９０ー１２３４ー５６７８                  | PHONE_NUMBER | 1 | high
            連絡先 09012345678                         | PHONE_NUMBER | 1 | high
            Phone: +44 20 7946 0958                   | PHONE_NUMBER | 1 | low
            # hard negatives for phones
            部品番号 03-1234-5678                       | PHONE_NUMBER | 0 | -
            型番 AB-0312-3456                          | PHONE_NUMBER | 0 | -
            ver 10.0.19045                            | PHONE_NUMBER | 0 | -
            192.168.10.1                              | PHONE_NUMBER | 0 | -
            2024-03-15                                | PHONE_NUMBER | 0 | -
            ISBN 978-4-06-123456-7                    | PHONE_NUMBER | 0 | -
            03-1234-567                               | PHONE_NUMBER | 0 | -
            0312345678                                | PHONE_NUMBER | 0 | -
            # My Number: check digit and a label; tracking numbers and bad check digits are not
            個人番号 1234 5678 9018                     | JAPAN_INDIVIDUAL_NUMBER | 1 | high
            マイナンバー：123456789018                    | JAPAN_INDIVIDUAL_NUMBER | 1 | high
            個人番号 1234 5678 9012                     | JAPAN_INDIVIDUAL_NUMBER | 0 | -
            注文番号 123456789018                        | JAPAN_INDIVIDUAL_NUMBER | 0 | -
            お問い合わせ番号 1234-5678-9018               | JAPAN_INDIVIDUAL_NUMBER | 0 | -
            123456789018                              | JAPAN_INDIVIDUAL_NUMBER | 0 | -
            0 12 1234 5678 9018 77 1                  | JAPAN_INDIVIDUAL_NUMBER | 0 | -
            # corporate number: 13 digits, first is the check digit, label needed
            法人番号 7000012050002                      | JAPAN_CORPORATE_NUMBER | 1 | high
            登録番号 T7000012050002                     | JAPAN_CORPORATE_NUMBER | 1 | high
            法人番号 1000012050002                      | JAPAN_CORPORATE_NUMBER | 0 | -
            JANコード 4901234567894                     | JAPAN_CORPORATE_NUMBER | 0 | -
            7000012050002                             | JAPAN_CORPORATE_NUMBER | 0 | -
            法人番号 7000012050002                      | JAPAN_INDIVIDUAL_NUMBER | 0 | -
            # cards: Luhn + issuer, grouped or plain; JCB is common here
            カード番号 3540-1234-5678-9016               | CREDIT_CARD_NUMBER | 1 | high
            5123 4567 8901 2346                       | CREDIT_CARD_NUMBER | 1 | medium
            カード番号 4980000000000014                  | CREDIT_CARD_NUMBER | 1 | high
            card_number=4980000000000014              | CREDIT_CARD_NUMBER | 1 | high
            # a digit run that passes Luhn is not a card without card words (nonces, ids, timestamps)
            4980000000000014                          | CREDIT_CARD_NUMBER | 0 | -
            reqNonce: 3843061514398340071             | CREDIT_CARD_NUMBER | 0 | -
            # a Luhn-valid group inside a run of numbers (TIFF strip offsets, measurements) needs card words
            StripOffsets 3208 3848 4488 5128 5768 6408  | CREDIT_CARD_NUMBER | 0 | -
            0x1f 4980 0000 0000 0014 0x2a             | CREDIT_CARD_NUMBER | 0 | -
            00000010  03cc 4980 0000 0000 0014 1f2e     | CREDIT_CARD_NUMBER | 0 | -
            12.5	4980 0000 0000 0014	13.1           | CREDIT_CARD_NUMBER | 0 | -
            VISA 4980 0000 0000 0014 有効期限 12/28       | CREDIT_CARD_NUMBER | 1 | high
            'No,カード番号,金額\n1,4980 0000 0000 0014,12000' | CREDIT_CARD_NUMBER | 1 | high
            AMEX 3782 822463 10005                    | CREDIT_CARD_NUMBER | 0 | -
            1234 5678 9012 3456                       | CREDIT_CARD_NUMBER | 0 | -
            4980000000000015                          | CREDIT_CARD_NUMBER | 0 | -
            ****-****-****-1234                       | CREDIT_CARD_NUMBER | 0 | -
            注文番号 4980000000000014                   | CREDIT_CARD_NUMBER | 0 | -
            # e-mail
            連絡先: taro.yamada@example.co.jp            | EMAIL_ADDRESS | 1 | high
            ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ                  | EMAIL_ADDRESS | 1 | high
            logo@2x.png                               | EMAIL_ADDRESS | 0 | -
            # birth dates need birth context and a plausible age
            生年月日：昭和60年4月12日                      | DATE_OF_BIRTH | 1 | high
            生年月日 平成元年1月8日                        | DATE_OF_BIRTH | 1 | high
            誕生日 H2/3/1                              | DATE_OF_BIRTH | 1 | high
            生年月日 S60.4.12                          | DATE_OF_BIRTH | 1 | high
            DOB: 1985-04-12                           | DATE_OF_BIRTH | 1 | high
            生年月日　１９８５年４月１２日                    | DATE_OF_BIRTH | 1 | high
            2024年3月1日に不正アクセスが発覚した。           | DATE_OF_BIRTH | 0 | -
            生年月日 昭和64年1月8日                        | DATE_OF_BIRTH | 0 | -
            生年月日 2027/01/01                        | DATE_OF_BIRTH | 0 | -
            生年月日 1890/01/01                        | DATE_OF_BIRTH | 0 | -
            # Latin context words are whole words: Adobe is not DOB, Steinborn and Borne are not born
            Adobe Reader 1985-04-12                   | DATE_OF_BIRTH | 0 | -
            Copyright (C) Adobe Systems 1996/11/05    | DATE_OF_BIRTH | 0 | -
            Steinborn 1985-04-12                      | DATE_OF_BIRTH | 0 | -
            Jonathan Borne 1985-04-12                 | DATE_OF_BIRTH | 0 | -
            birthtime: 1985-04-12                     | DATE_OF_BIRTH | 0 | -
            Born 1985-04-12                           | DATE_OF_BIRTH | 1 | high
            birthDate: 1985-04-12                     | DATE_OF_BIRTH | 1 | high
            # English forms and résumés; label and value in adjacent cells or lines
            Date of Birth: 12 March 1985              | DATE_OF_BIRTH | 1 | high
            DOB 1985-03-12                            | DATE_OF_BIRTH | 1 | high
            'Born: March 12, 1985'                    | DATE_OF_BIRTH | 1 | high
            D.O.B. 12-Mar-1985                        | DATE_OF_BIRTH | 1 | high
            生年月日	1985年3月12日                      | DATE_OF_BIRTH | 1 | high
            '生年月日\n1985年3月12日'                     | DATE_OF_BIRTH | 1 | high
            '氏名\t山田 太郎\n生年月日\t1985年3月12日\n住所\t東京都港区芝公園4-2-8' | DATE_OF_BIRTH | 1 | high
            Released on 12 March 2020                 | DATE_OF_BIRTH | 0 | -
            # addresses
            住所：東京都千代田区丸の内1-2-3 丸の内ビル5F     | STREET_ADDRESS | 1 | high
            大阪市北区梅田２丁目４番９号                    | STREET_ADDRESS | 1 | medium
            神奈川県横浜市港北区新横浜3-1-1                 | STREET_ADDRESS | 1 | medium
            北海道札幌市中央区北一条西二丁目                 | STREET_ADDRESS | 1 | medium
            東京都の人口は約1400万人                       | STREET_ADDRESS | 0 | -
            愛知県豊田市挙母町3丁12番地                     | STREET_ADDRESS | 1 | medium
            '住所：東京都千代田区\n丸の内1-2-3'             | STREET_ADDRESS | 1 | high
            '氏名\t住所\t電話\n山田 太郎\t港区芝公園4-2-8\t03-1234-5678\n佐藤 花子\t東京都 千代田区 丸の内 1-2-3\t03-2345-6789' | STREET_ADDRESS | 2 | high
            '氏名,住所\n山田 太郎,未定'                   | STREET_ADDRESS | 0 | -
            # names: dictionary, honorifics, labels
            担当：山田 太郎                              | PERSON_NAME | 1 | high
            田中一郎様                                  | PERSON_NAME | 1 | medium
            佐藤花子 03-1234-5678                        | PERSON_NAME | 1 | low
            佐藤花子は窓の外を眺めていた                      | PERSON_NAME | 0 | -
            氏名：ヤマダ タロウ                           | PERSON_NAME | 1 | high
            Name: John Smith                          | PERSON_NAME | 1 | high
            東京駅から徒歩5分                            | PERSON_NAME | 0 | -
            # roster name columns under other headings, romaji cardholder names near card words
            '宛名,郵便番号\n山田 太郎 様,100-0005\n佐藤 花子 様,100-0006' | PERSON_NAME | 2 | high
            '送付先\tTEL\n鈴木 一郎\t03-1234-5678'        | PERSON_NAME | 1 | high
            'お名前,電話\n高橋 健,090-1234-5678'           | PERSON_NAME | 1 | high
            '受取人,金額\n伊藤 美咲,1200'                  | PERSON_NAME | 1 | high
            # a form laid out as a table (a résumé in Word, a sheet): its first row is a label and its value, not a header
            '\tふりがな\tしみず みさき\n\t氏名\t清水 美咲\n\t性別\t女' | PERSON_NAME | 2 | high
            '\t氏名\t電話\n\t清水 美咲\t090-1234-5678'  | PERSON_NAME | 1 | high
            '氏名（漢字）,氏名（カナ）\n渡辺 翔,ワタナベ ショウ'    | PERSON_NAME | 2 | high
            '送付先,TEL\n東京都港区,03-1234-5678'           | PERSON_NAME | 0 | -
            カード名義: TARO YAMADA                      | PERSON_NAME | 1 | high
            VISA 4980-0000-0000-0014 KENJI OKUBO 12/28 | PERSON_NAME | 1 | medium
            VISA CARD GOLD MEMBER 4980-0000-0000-0014 | PERSON_NAME | 0 | -
            # confidential markings
            【社外秘】2026年度 事業計画                    | CONFIDENTIAL_MARKER | 1 | high
            CONFIDENTIAL                              | CONFIDENTIAL_MARKER | 1 | high
            社外秘の資料が流出した                         | CONFIDENTIAL_MARKER | 0 | -
            この資料は社外秘です                           | CONFIDENTIAL_MARKER | 1 | low
            'This memorandum is strictly confidential.' | CONFIDENTIAL_MARKER | 1 | low
            電子メールで極秘又は社外秘の情報を送信する場合は     | CONFIDENTIAL_MARKER | 0 | -
            # a marking has the shape of one: a heading, a stamp, a label; not a sentence with the word
            「社外秘」                                   | CONFIDENTIAL_MARKER | 1 | high
            Classification: Confidential              | CONFIDENTIAL_MARKER | 1 | high
            Do not distribute a copy of gitlog-to-changelog.   | CONFIDENTIAL_MARKER | 0 | -
            Confidential attribute disclosure via LDAP filters | CONFIDENTIAL_MARKER | 0 | -
            Keep the key confidential.                | CONFIDENTIAL_MARKER | 0 | -
            'Page 2 of 9 | Confidential'              | CONFIDENTIAL_MARKER | 1 | high
            株式会社あおぞら商事　社外秘                     | CONFIDENTIAL_MARKER | 1 | high
            """)
    void findsWhatTheTableSays(String text, String type, int count, String confidence) {
        List<Finding> found = find(text, type);
        assertThat(found).as("findings of %s in '%s': %s", type, text, found).hasSize(count);
        if (count > 0) {
            Confidence expected = Confidence.parse(confidence);
            assertThat(found).allSatisfy(f -> assertThat(f.confidence().atLeast(expected))
                    .as("%s at least %s (%s)", f, expected, f.explanation()).isTrue());
        }
    }

    /** The evidence is the value alone: no label swallowed, no ward cut in half (a masked sample must say what was found). */
    @ParameterizedTest(name = "{1} in \"{0}\" is \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            氏名：山田太郎 電話 090-1234-5678       | PERSON_NAME    | 山田太郎         | 山***
            氏名：山田 太郎 住所 東京都港区芝公園4-2-8 | PERSON_NAME    | 山田 太郎        | 山* 太*
            お名前 ヤマダ タロウ メールアドレス t@example.jp | PERSON_NAME | ヤマダ タロウ | ヤ** タ**
            住所：愛知県名古屋市中村区名駅1-1-4      | STREET_ADDRESS | 愛知県名古屋市中村区名駅1-1-4 | 愛知県名古屋市中村区*******
            """)
    void evidenceIsTheValueAlone(String text, String type, String value, String masked) {
        List<Finding> found = find(text, type);
        assertThat(found).as("findings of %s in '%s'", type, text).hasSize(1);
        assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(value);
        assertThat(found.get(0).masked()).isEqualTo(masked);
    }
}
