#!/usr/bin/env python3
"""Generate Mamori's labelled evaluation set of Japanese PII files.

Standard library only, deterministic.  Running

    python3 src/test/python/make_eval_set.py            # (re)generate
    python3 src/test/python/make_eval_set.py --verify   # regenerate in memory and check

rewrites everything under src/test/resources/eval/ (the folder is wiped first):
the evaluation files, labels.json and README.md.

All people, addresses, numbers and companies are fictitious.  Every PII value that is
written into a file goes through a ``Lab`` collector, so labels.json is produced from the
same values that are written (never re-typed by hand).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import html
import io
import json
import random
import re
import shutil
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

SEED = "mamori-eval-set-v1"
OUT_DIR = Path(__file__).resolve().parents[1] / "resources" / "eval"

TYPES = [
    "PERSON_NAME", "STREET_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "EMAIL_ADDRESS",
    "CREDIT_CARD_NUMBER", "JAPAN_INDIVIDUAL_NUMBER", "JAPAN_CORPORATE_NUMBER",
    "CONFIDENTIAL_MARKER",
]

# ---------------------------------------------------------------------------------------
# Name lists (kanji, katakana reading, Hepburn romanisation)
# ---------------------------------------------------------------------------------------

SURNAMES = [
    ("佐藤", "サトウ", "Sato"), ("鈴木", "スズキ", "Suzuki"), ("高橋", "タカハシ", "Takahashi"),
    ("田中", "タナカ", "Tanaka"), ("伊藤", "イトウ", "Ito"), ("渡辺", "ワタナベ", "Watanabe"),
    ("山本", "ヤマモト", "Yamamoto"), ("中村", "ナカムラ", "Nakamura"), ("小林", "コバヤシ", "Kobayashi"),
    ("加藤", "カトウ", "Kato"), ("吉田", "ヨシダ", "Yoshida"), ("山田", "ヤマダ", "Yamada"),
    ("佐々木", "ササキ", "Sasaki"), ("山口", "ヤマグチ", "Yamaguchi"), ("松本", "マツモト", "Matsumoto"),
    ("井上", "イノウエ", "Inoue"), ("木村", "キムラ", "Kimura"), ("林", "ハヤシ", "Hayashi"),
    ("斎藤", "サイトウ", "Saito"), ("清水", "シミズ", "Shimizu"), ("山崎", "ヤマザキ", "Yamazaki"),
    ("森", "モリ", "Mori"), ("池田", "イケダ", "Ikeda"), ("橋本", "ハシモト", "Hashimoto"),
    ("阿部", "アベ", "Abe"), ("石川", "イシカワ", "Ishikawa"), ("山下", "ヤマシタ", "Yamashita"),
    ("中島", "ナカジマ", "Nakajima"), ("石井", "イシイ", "Ishii"), ("小川", "オガワ", "Ogawa"),
    ("前田", "マエダ", "Maeda"), ("岡田", "オカダ", "Okada"), ("長谷川", "ハセガワ", "Hasegawa"),
    ("藤田", "フジタ", "Fujita"), ("後藤", "ゴトウ", "Goto"), ("近藤", "コンドウ", "Kondo"),
    ("村上", "ムラカミ", "Murakami"), ("遠藤", "エンドウ", "Endo"), ("青木", "アオキ", "Aoki"),
    ("坂本", "サカモト", "Sakamoto"), ("福田", "フクダ", "Fukuda"), ("太田", "オオタ", "Ota"),
    ("西村", "ニシムラ", "Nishimura"), ("藤井", "フジイ", "Fujii"), ("金子", "カネコ", "Kaneko"),
    ("岡本", "オカモト", "Okamoto"), ("藤原", "フジワラ", "Fujiwara"), ("三浦", "ミウラ", "Miura"),
    ("原田", "ハラダ", "Harada"), ("中川", "ナカガワ", "Nakagawa"), ("松田", "マツダ", "Matsuda"),
    ("竹内", "タケウチ", "Takeuchi"), ("小野", "オノ", "Ono"), ("田村", "タムラ", "Tamura"),
    ("中山", "ナカヤマ", "Nakayama"), ("和田", "ワダ", "Wada"), ("石田", "イシダ", "Ishida"),
    ("森田", "モリタ", "Morita"), ("上田", "ウエダ", "Ueda"), ("柴田", "シバタ", "Shibata"),
    ("酒井", "サカイ", "Sakai"), ("工藤", "クドウ", "Kudo"), ("横山", "ヨコヤマ", "Yokoyama"),
    ("宮本", "ミヤモト", "Miyamoto"), ("内田", "ウチダ", "Uchida"), ("高木", "タカギ", "Takagi"),
    ("安藤", "アンドウ", "Ando"), ("谷口", "タニグチ", "Taniguchi"), ("大野", "オオノ", "Ono"),
    ("丸山", "マルヤマ", "Maruyama"), ("今井", "イマイ", "Imai"), ("河野", "コウノ", "Kono"),
    ("藤本", "フジモト", "Fujimoto"), ("村田", "ムラタ", "Murata"), ("武田", "タケダ", "Takeda"),
    ("杉山", "スギヤマ", "Sugiyama"), ("増田", "マスダ", "Masuda"), ("小山", "コヤマ", "Koyama"),
    ("大塚", "オオツカ", "Otsuka"), ("平野", "ヒラノ", "Hirano"), ("菅原", "スガワラ", "Sugawara"),
    ("久保", "クボ", "Kubo"), ("松井", "マツイ", "Matsui"), ("岩崎", "イワサキ", "Iwasaki"),
    ("桜井", "サクライ", "Sakurai"), ("木下", "キノシタ", "Kinoshita"), ("野口", "ノグチ", "Noguchi"),
    ("松尾", "マツオ", "Matsuo"), ("菊地", "キクチ", "Kikuchi"), ("野村", "ノムラ", "Nomura"),
    ("新井", "アライ", "Arai"), ("渡部", "ワタナベ", "Watanabe"), ("千葉", "チバ", "Chiba"),
]

# given names: (kanji, katakana, romaji, gender, generation) generation: o=born <1975, m=1965-1995, y=>1988
GIVEN_NAMES = [
    ("太郎", "タロウ", "Taro", "M", "om"), ("一郎", "イチロウ", "Ichiro", "M", "o"),
    ("健太", "ケンタ", "Kenta", "M", "my"), ("翔太", "ショウタ", "Shota", "M", "y"),
    ("大輔", "ダイスケ", "Daisuke", "M", "m"), ("誠", "マコト", "Makoto", "M", "om"),
    ("浩二", "コウジ", "Koji", "M", "o"), ("直樹", "ナオキ", "Naoki", "M", "m"),
    ("拓也", "タクヤ", "Takuya", "M", "m"), ("健一", "ケンイチ", "Kenichi", "M", "om"),
    ("隆", "タカシ", "Takashi", "M", "o"), ("修", "オサム", "Osamu", "M", "o"),
    ("和也", "カズヤ", "Kazuya", "M", "m"), ("達也", "タツヤ", "Tatsuya", "M", "m"),
    ("亮", "リョウ", "Ryo", "M", "my"), ("大樹", "ダイキ", "Daiki", "M", "y"),
    ("悠斗", "ユウト", "Yuto", "M", "y"), ("蓮", "レン", "Ren", "M", "y"),
    ("陽翔", "ハルト", "Haruto", "M", "y"), ("裕太", "ユウタ", "Yuta", "M", "my"),
    ("雄一", "ユウイチ", "Yuichi", "M", "om"), ("正人", "マサト", "Masato", "M", "om"),
    ("博之", "ヒロユキ", "Hiroyuki", "M", "o"), ("秀樹", "ヒデキ", "Hideki", "M", "o"),
    ("俊介", "シュンスケ", "Shunsuke", "M", "my"), ("智也", "トモヤ", "Tomoya", "M", "my"),
    ("康弘", "ヤスヒロ", "Yasuhiro", "M", "o"), ("一輝", "カズキ", "Kazuki", "M", "y"),
    ("剛", "ツヨシ", "Tsuyoshi", "M", "om"), ("浩", "ヒロシ", "Hiroshi", "M", "o"),
    ("学", "マナブ", "Manabu", "M", "o"), ("慎吾", "シンゴ", "Shingo", "M", "m"),
    ("海斗", "カイト", "Kaito", "M", "y"), ("昌平", "ショウヘイ", "Shohei", "M", "m"),
    ("花子", "ハナコ", "Hanako", "F", "o"), ("陽子", "ヨウコ", "Yoko", "F", "o"),
    ("美咲", "ミサキ", "Misaki", "F", "my"), ("由美", "ユミ", "Yumi", "F", "om"),
    ("恵子", "ケイコ", "Keiko", "F", "o"), ("真由美", "マユミ", "Mayumi", "F", "om"),
    ("直美", "ナオミ", "Naomi", "F", "om"), ("愛", "アイ", "Ai", "F", "my"),
    ("彩", "アヤ", "Aya", "F", "my"), ("さくら", "サクラ", "Sakura", "F", "y"),
    ("結衣", "ユイ", "Yui", "F", "y"), ("陽菜", "ヒナ", "Hina", "F", "y"),
    ("美穂", "ミホ", "Miho", "F", "m"), ("裕子", "ユウコ", "Yuko", "F", "om"),
    ("智子", "トモコ", "Tomoko", "F", "om"), ("久美子", "クミコ", "Kumiko", "F", "o"),
    ("明美", "アケミ", "Akemi", "F", "o"), ("麻衣", "マイ", "Mai", "F", "my"),
    ("千尋", "チヒロ", "Chihiro", "F", "m"), ("奈々", "ナナ", "Nana", "F", "my"),
    ("沙織", "サオリ", "Saori", "F", "m"), ("香織", "カオリ", "Kaori", "F", "m"),
    ("理恵", "リエ", "Rie", "F", "m"), ("亜希子", "アキコ", "Akiko", "F", "om"),
    ("早紀", "サキ", "Saki", "F", "my"), ("綾香", "アヤカ", "Ayaka", "F", "my"),
    ("美香", "ミカ", "Mika", "F", "m"), ("紀子", "ノリコ", "Noriko", "F", "o"),
    ("京子", "キョウコ", "Kyoko", "F", "o"), ("葵", "アオイ", "Aoi", "F", "y"),
    ("芽依", "メイ", "Mei", "F", "y"), ("莉子", "リコ", "Riko", "F", "y"),
]

# ---------------------------------------------------------------------------------------
# Regions: prefecture, municipality, designated city?, towns, area code, local-part length,
# first three digits of the postal code, addressing style
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Region:
    pref: str
    city: str
    designated: bool
    towns: tuple
    area: str
    local_len: int
    postal3: str
    style: str = "chome"   # chome | banchi | sapporo


REGIONS = [
    Region("東京都", "千代田区", False, ("丸の内", "大手町", "神田小川町", "麹町"), "03", 4, "100"),
    Region("東京都", "新宿区", False, ("西新宿", "高田馬場", "四谷", "大久保"), "03", 4, "160"),
    Region("東京都", "渋谷区", False, ("道玄坂", "恵比寿", "代々木", "神宮前"), "03", 4, "150"),
    Region("東京都", "世田谷区", False, ("三軒茶屋", "経堂", "桜新町", "用賀"), "03", 4, "154"),
    Region("東京都", "練馬区", False, ("豊玉北", "石神井町", "光が丘"), "03", 4, "176"),
    Region("東京都", "江東区", False, ("豊洲", "亀戸", "大島"), "03", 4, "135"),
    Region("東京都", "中野区", False, ("中野", "東中野", "本町"), "03", 4, "164"),
    Region("東京都", "八王子市", False, ("明神町", "旭町", "元本郷町"), "042", 3, "192"),
    Region("神奈川県", "横浜市港北区", True, ("新横浜", "日吉", "大倉山", "綱島西"), "045", 3, "222"),
    Region("神奈川県", "横浜市中区", True, ("山下町", "本町", "元町"), "045", 3, "231"),
    Region("神奈川県", "川崎市中原区", True, ("小杉町", "新丸子町", "木月"), "044", 3, "211"),
    Region("神奈川県", "藤沢市", False, ("鵠沼石上", "辻堂"), "0466", 2, "251"),
    Region("埼玉県", "さいたま市大宮区", True, ("桜木町", "大門町", "宮町"), "048", 3, "330"),
    Region("埼玉県", "川口市", False, ("栄町", "本町"), "048", 3, "332"),
    Region("千葉県", "千葉市中央区", True, ("富士見", "中央", "新町"), "043", 3, "260"),
    Region("千葉県", "船橋市", False, ("本町", "湊町"), "047", 3, "273"),
    Region("大阪府", "大阪市北区", True, ("梅田", "天満", "中之島"), "06", 4, "530"),
    Region("大阪府", "大阪市中央区", True, ("本町", "難波", "谷町"), "06", 4, "541"),
    Region("大阪府", "堺市堺区", True, ("南瓦町", "中瓦町"), "072", 3, "590"),
    Region("大阪府", "豊中市", False, ("本町", "岡町"), "06", 4, "560"),
    Region("愛知県", "名古屋市中区", True, ("栄", "錦", "丸の内"), "052", 3, "460"),
    Region("愛知県", "名古屋市千種区", True, ("今池", "内山"), "052", 3, "464"),
    Region("愛知県", "豊田市", False, ("元城町", "小坂本町"), "0565", 2, "471"),
    Region("北海道", "札幌市中央区", True, ("北", "南"), "011", 3, "060", "sapporo"),
    Region("北海道", "千歳市", False, ("東雲町", "幸町"), "0123", 2, "066"),
    Region("北海道", "沙流郡平取町", False, ("本町", "振内町"), "01457", 1, "055", "banchi"),
    Region("宮城県", "仙台市青葉区", True, ("一番町", "国分町", "中央"), "022", 3, "980"),
    Region("福岡県", "福岡市博多区", True, ("博多駅前", "中洲"), "092", 3, "812"),
    Region("福岡県", "福岡市中央区", True, ("天神", "大名"), "092", 3, "810"),
    Region("京都府", "京都市左京区", True, ("下鴨本町", "田中里ノ内町"), "075", 3, "606", "banchi"),
    Region("兵庫県", "神戸市中央区", True, ("三宮町", "加納町", "元町通"), "078", 3, "650"),
    Region("兵庫県", "西宮市", False, ("甲子園町", "北口町"), "0798", 2, "663"),
    Region("広島県", "広島市中区", True, ("紙屋町", "八丁堀", "大手町"), "082", 3, "730"),
    Region("静岡県", "静岡市葵区", True, ("呉服町", "紺屋町"), "054", 3, "420"),
    Region("新潟県", "新潟市中央区", True, ("万代", "東大通"), "025", 3, "950"),
    Region("岡山県", "岡山市北区", True, ("駅前町", "表町"), "086", 3, "700"),
    Region("熊本県", "熊本市中央区", True, ("手取本町", "水前寺"), "096", 3, "860"),
    Region("鹿児島県", "鹿児島市", False, ("山下町", "中央町"), "099", 3, "892"),
    Region("沖縄県", "那覇市", False, ("久茂地", "おもろまち", "牧志"), "098", 3, "900"),
    Region("石川県", "金沢市", False, ("広坂", "香林坊", "此花町"), "076", 3, "920"),
    Region("茨城県", "つくば市", False, ("吾妻", "竹園"), "029", 3, "305"),
    Region("長野県", "松本市", False, ("中央", "深志"), "0263", 2, "390"),
    Region("長野県", "北佐久郡軽井沢町", False, ("大字軽井沢", "大字長倉"), "0267", 2, "389", "banchi"),
    Region("青森県", "弘前市", False, ("大字土手町", "大字本町"), "0172", 2, "036", "banchi"),
    Region("群馬県", "高崎市", False, ("八島町", "連雀町"), "027", 3, "370"),
    Region("栃木県", "宇都宮市", False, ("馬場通り", "本町"), "028", 3, "320"),
    Region("岐阜県", "岐阜市", False, ("神田町", "長住町"), "058", 3, "500"),
    Region("愛媛県", "松山市", False, ("大街道", "一番町"), "089", 3, "790"),
    Region("香川県", "高松市", False, ("丸亀町", "番町"), "087", 3, "760"),
]
TOKYO_REGIONS = [r for r in REGIONS if r.pref == "東京都" and r.area == "03"]

KANJI_NUM = "〇一二三四五六七八九"
BUILDINGS_RES = ["サンハイツ", "グランメゾン", "パークサイド", "コーポ", "メゾン", "レジデンス",
                 "ハイム", "ルミナス", "ヴィラ", "シャトー", "クレスト", "エスポワール"]
BUILDINGS_OFF = ["センタービル", "ビル", "スクエア", "タワー", "ビルディング", "第二ビル", "プラザ"]
EMAIL_DOMAINS = ["example.com", "example.co.jp", "example.jp", "example.ne.jp", "mail.example.jp",
                 "example.org", "example.net"]

# ---------------------------------------------------------------------------------------
# Check digits
# ---------------------------------------------------------------------------------------

def mynumber_check(first11: str) -> int:
    """My Number (個人番号) check digit for the first 11 digits."""
    total = 0
    for n in range(1, 12):
        p = int(first11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    return 0 if r <= 1 else 11 - r


def mynumber_valid(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 12 and mynumber_check(d[:11]) == int(d[11])


def corp_check(last12: str) -> int:
    """Corporate number (法人番号) check digit (the FIRST digit) for the other 12 digits."""
    total = 0
    for n in range(1, 13):
        p = int(last12[12 - n])
        total += p * (1 if n % 2 == 1 else 2)
    return 9 - (total % 9)


def corp_valid(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return len(d) == 13 and corp_check(d[1:]) == int(d[0])


def luhn_valid(s: str) -> bool:
    d = [int(c) for c in re.sub(r"\D", "", s)]
    total = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


def luhn_digit(body: str) -> int:
    for c in range(10):
        if luhn_valid(body + str(c)):
            return c
    raise AssertionError


def ean13_digit(body12: str) -> int:
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body12))
    return (10 - s % 10) % 10


def digits(rng, n, first_nonzero=False):
    s = "".join(str(rng.randrange(10)) for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = str(rng.randrange(1, 10)) + s[1:]
    return s


def gen_mynumber(rng) -> str:
    body = digits(rng, 11, first_nonzero=True)
    return body + str(mynumber_check(body))


def gen_bad_mynumber(rng) -> str:
    body = digits(rng, 11, first_nonzero=True)
    good = mynumber_check(body)
    bad = (good + rng.randrange(1, 10)) % 10
    s = body + str(bad)
    assert not mynumber_valid(s)
    return s


def gen_corp(rng) -> str:
    body = digits(rng, 12, first_nonzero=True)
    return str(corp_check(body)) + body


CARD_BRANDS = {
    "VISA": (["4"], 16), "Mastercard": (["51", "52", "53", "54", "55", "2221", "2720", "23"], 16),
    "JCB": ([str(x) for x in range(3528, 3590)], 16), "AMEX": (["34", "37"], 15),
    "Diners": (["36"], 14),
}


def gen_card(rng, brand: str) -> str:
    prefixes, length = CARD_BRANDS[brand]
    p = rng.choice(prefixes)
    body = p + digits(rng, length - len(p) - 1)
    s = body + str(luhn_digit(body))
    assert luhn_valid(s)
    return s


def gen_bad_luhn(rng, n=16, prefix="") -> str:
    body = prefix + digits(rng, n - len(prefix) - 1, first_nonzero=not prefix)
    good = luhn_digit(body)
    s = body + str((good + rng.randrange(1, 10)) % 10)
    assert not luhn_valid(s)
    return s


def gen_jan(rng, prefix=None) -> str:
    body = (prefix or rng.choice(["45", "49"])) + digits(rng, 10 if prefix is None else 12 - len(prefix))
    return body + str(ean13_digit(body))


def gen_isbn13(rng) -> str:
    body = "9784" + digits(rng, 8)
    return body + str(ean13_digit(body))


def card_fmt(num: str, style: str) -> str:
    if style == "plain":
        return num
    sep = {"space": " ", "hyphen": "-"}[style]
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    if len(num) == 14:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, len(num), 4))


def card_mask(num: str, style="star") -> str:
    if style == "star":
        return "****-****-****-" + num[-4:]
    if style == "x":
        return "XXXX XXXX XXXX " + num[-4:]
    if style == "head":
        return num[:4] + "-" + num[4:6] + "**-****-" + num[-4:]
    return "＊＊＊＊－＊＊＊＊－＊＊＊＊－" + fw(num[-4:])


def mn_fmt(num: str, style: str) -> str:
    if style == "plain":
        return num
    sep = {"space": " ", "hyphen": "-"}[style]
    return sep.join([num[:4], num[4:8], num[8:]])


# ---------------------------------------------------------------------------------------
# Text helpers: full width, kana, era dates
# ---------------------------------------------------------------------------------------

_FW = str.maketrans({**{chr(c): chr(c + 0xFEE0) for c in range(0x30, 0x3A)},
                     **{chr(c): chr(c + 0xFEE0) for c in range(0x41, 0x5B)},
                     **{chr(c): chr(c + 0xFEE0) for c in range(0x61, 0x7B)},
                     "-": "－", "(": "（", ")": "）", "+": "＋", " ": "　", "/": "／", ".": "．"})


def fw(s: str, minus="－") -> str:
    """Full-width digits/letters. minus: '－' (cp932/UTF-8) or '−' (EUC-JP/ISO-2022-JP safe)."""
    return s.translate(_FW).replace("－", minus)


def kata2hira(s: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)


_HW_BASE = dict(zip("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー　",
                    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ "))


def kata2hankaku(s: str) -> str:
    out = []
    for c in s:
        if c in _HW_BASE:
            out.append(_HW_BASE[c])
        elif c in "ガギグゲゴザジズゼゾダヂヅデドバビブベボ":
            out.append(_HW_BASE[chr(ord(c) - 1)] + "ﾞ")
        elif c in "パピプペポ":
            out.append(_HW_BASE[chr(ord(c) - 2)] + "ﾟ")
        elif c == "ヴ":
            out.append("ｳﾞ")
        else:
            out.append(c)
    return "".join(out)


def kanji_num(n: int) -> str:
    if n < 10:
        return KANJI_NUM[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KANJI_NUM[t]) + "十" + (KANJI_NUM[o] if o else "")


ERAS = [  # (name, abbr, first day, offset)
    ("令和", "R", dt.date(2019, 5, 1), 2018),
    ("平成", "H", dt.date(1989, 1, 8), 1988),
    ("昭和", "S", dt.date(1926, 12, 25), 1925),
    ("大正", "T", dt.date(1912, 7, 30), 1911),
    ("明治", "M", dt.date(1868, 1, 25), 1867),
]


def era_of(d: dt.date):
    for name, abbr, start, off in ERAS:
        if d >= start:
            return name, abbr, d.year - off
    raise ValueError(d)


MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


def fmt_date(d: dt.date, style: str) -> str:
    y, m, dd = d.year, d.month, d.day
    name, abbr, ey = era_of(d)
    eys = "元" if ey == 1 else str(ey)
    return {
        "iso": f"{y:04d}-{m:02d}-{dd:02d}",
        "slash": f"{y:04d}/{m:02d}/{dd:02d}",
        "slash_np": f"{y}/{m}/{dd}",
        "kanji": f"{y}年{m}月{dd}日",
        "kanji_pad": f"{y}年{m:02d}月{dd:02d}日",
        "era": f"{name}{eys}年{m}月{dd}日",
        "era_dot": f"{abbr}{ey}.{m}.{dd}",
        "era_slash": f"{abbr}{ey}/{m}/{dd}",
        "era_pad": f"{abbr}{ey:02d}.{m:02d}.{dd:02d}",
        "fw_kanji": fw(f"{y}年{m}月{dd}日"),
        "fw_era": fw(f"{name}{eys}年{m}月{dd}日"),
        "en_long": f"{MONTHS_EN[m - 1]} {dd}, {y}",
        "en_dmy": f"{dd} {MONTHS_EN[m - 1][:3]} {y}",
        "dot": f"{y}.{m:02d}.{dd:02d}",
    }[style]


def rand_date(rng, y0, y1):
    start = dt.date(y0, 1, 1).toordinal()
    end = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def age_on(dob: dt.date, ref: dt.date) -> int:
    return ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))


# ---------------------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------------------

def landline(rng, region: Region):
    local = str(rng.randint(2, 9)) + digits(rng, region.local_len - 1)
    return (region.area, local, digits(rng, 4))


def mobile(rng):
    return (rng.choice(["090", "090", "080", "080", "070"]), digits(rng, 4, True), digits(rng, 4))


def ip_phone(rng):
    return ("050", str(rng.randint(3, 5)) + digits(rng, 3), digits(rng, 4))


def free_dial(rng, kind="0120"):
    if kind == "0800":
        return ("0800", str(rng.randint(1, 9)) + digits(rng, 2), digits(rng, 4))
    return (kind, str(rng.randint(1, 9)) + digits(rng, 2), digits(rng, 3))


def phone_fmt(parts, style="hyphen") -> str:
    a, b, c = parts
    return {
        "hyphen": f"{a}-{b}-{c}",
        "plain": f"{a}{b}{c}",
        "paren": f"({a}){b}-{c}",
        "paren2": f"{a}({b}){c}",
        "intl": f"+81-{a[1:]}-{b}-{c}",
        "intl_space": f"+81 {a[1:]} {b} {c}",
        "space": f"{a} {b} {c}",
        "fw": fw(f"{a}-{b}-{c}"),
        "fw_minus": fw(f"{a}-{b}-{c}", minus="−"),
        "fw_choon": fw(f"{a}-{b}-{c}", minus="ー"),
        "fw_plain": fw(f"{a}{b}{c}"),
    }[style]


def phone_plus(parts, k=1):
    """The next number in the same block (e.g. FAX = TEL + 1)."""
    a, b, c = parts
    return (a, b, f"{(int(c) + k) % 10000:04d}")


# ---------------------------------------------------------------------------------------
# Addresses, people, companies
# ---------------------------------------------------------------------------------------

@dataclass
class Address:
    region: Region
    town: str
    c: int            # chome (or 条 for Sapporo)
    b: int            # ban / banchi
    g: int            # go
    bldg: str | None
    postal: str
    ew: str = ""      # Sapporo: 西 / 東
    c2: int = 0       # Sapporo: chome after 西/東

    def block(self, style: str, minus="－") -> str:
        c, b, g = self.c, self.b, self.g
        if self.region.style == "banchi":
            return {
                "hyphen": f"{b}-{g}", "chome": f"{b}番地{g}", "chome_fw": fw(f"{b}番地{g}"),
                "chome_hyphen": f"{b}番地の{g}", "fw_hyphen": fw(f"{b}-{g}", minus),
                "kanji": f"{b}番地{g}", "block_only": f"{b}番地",
            }[style]
        if self.region.style == "sapporo":
            if style in ("kanji", "block_only"):
                base = f"{self.town}{kanji_num(c)}条{self.ew}{kanji_num(self.c2)}丁目"
                return base if style == "block_only" else base + f"{b}番{g}号"
            if style in ("chome_fw", "fw_hyphen"):
                return fw(f"{self.town}{c}条{self.ew}{self.c2}丁目{b}-{g}", minus)
            if style == "chome":
                return f"{self.town}{c}条{self.ew}{self.c2}丁目{b}番{g}号"
            return f"{self.town}{c}条{self.ew}{self.c2}丁目{b}-{g}"
        return {
            "hyphen": f"{c}-{b}-{g}",
            "chome": f"{c}丁目{b}番{g}号",
            "chome_fw": fw(f"{c}丁目{b}番{g}号"),
            "chome_hyphen": f"{c}丁目{b}-{g}",
            "fw_hyphen": fw(f"{c}-{b}-{g}", minus),
            "kanji": f"{kanji_num(c)}丁目{b}番{g}号",
            "block_only": f"{kanji_num(c)}丁目",
        }[style]

    def render(self, style="hyphen", pref=True, bldg=True, bsep=" ", minus="－") -> str:
        r = self.region
        head = (r.pref if (pref or not r.designated) else "") + r.city
        town = "" if r.style == "sapporo" else self.town
        s = head + town + self.block(style, minus)
        if bldg and self.bldg and style != "block_only":
            b = self.bldg if style not in ("chome_fw", "fw_hyphen") else fw(self.bldg, minus)
            s += bsep + b
        return s

    def postal_fmt(self, mark=True) -> str:
        return ("〒" if mark else "") + self.postal


def make_address(rng, region: Region | None = None, office=False, bldg_prob=0.5) -> Address:
    region = region or rng.choice(REGIONS)
    town = rng.choice(region.towns)
    postal = f"{region.postal3}-{digits(rng, 4)}"
    ew, c2 = "", 0
    if region.style == "banchi":
        c, b, g = 0, rng.randint(1, 2400), rng.randint(1, 30)
    elif region.style == "sapporo":
        c, b, g = rng.randint(1, 12), rng.randint(1, 30), rng.randint(1, 20)
        ew, c2 = rng.choice(["西", "西", "東"]), rng.randint(1, 15)
    else:
        c, b, g = rng.randint(1, 6), rng.randint(1, 28), rng.randint(1, 25)
    bldg = None
    short_town = town.replace("大字", "")
    if office:
        name = rng.choice([short_town, region.city[-3:-1] if len(region.city) > 3 else short_town])
        kind = rng.choice(BUILDINGS_OFF)
        floor = rng.randint(2, 15)
        bldg = rng.choice([f"{name}{kind} {floor}F", f"{name}{kind}{floor}階", f"{name}{kind} {floor}階"])
    elif rng.random() < bldg_prob and region.style != "banchi":
        suffix = rng.choice([short_town, short_town, "", "弐番館", "II"])
        name = rng.choice(BUILDINGS_RES) + suffix
        room = rng.randint(1, 9) * 100 + rng.randint(1, 12)
        forms = [f"{name}{room}号室", f"{name} {room}", f"{name} {room}号室"]
        if suffix not in ("II",):
            forms.append(f"{name}{room}")
        bldg = rng.choice(forms)
    return Address(region, town, c, b, g, bldg, postal, ew, c2)


@dataclass
class Person:
    sei: tuple
    mei: tuple
    dob: dt.date
    addr: Address
    mobile: tuple
    home: tuple
    email: str
    mynumber: str

    @property
    def gender(self):
        return self.mei[3]

    def kanji(self, sep=" "):
        return self.sei[0] + sep + self.mei[0]

    def kana(self, sep=" "):
        return self.sei[1] + sep + self.mei[1]

    def hira(self, sep=" "):
        return kata2hira(self.kana(sep))

    def hankaku(self, sep=" "):
        return kata2hankaku(self.kana(sep))

    def roman(self, style="first_last"):
        s, m = self.sei[2], self.mei[2]
        return {"first_last": f"{m} {s}", "LAST_first": f"{s.upper()} {m}", "last_first": f"{s} {m}",
                "LAST_FIRST": f"{s.upper()} {m.upper()}", "last_comma": f"{s}, {m}"}[style]


def _gen_letter(year):
    return "o" if year < 1970 else ("m" if year < 1990 else "y")


def make_email(rng, sei_r, mei_r, year, domain=None):
    s, m = sei_r.lower(), mei_r.lower()
    domain = domain or rng.choice(EMAIL_DOMAINS)
    pat = rng.randrange(7)
    local = [f"{m}.{s}", f"{s}.{m}", f"{m[0]}-{s}", f"{s}{year % 100:02d}", f"{m}_{s}{rng.randint(1, 99)}",
             f"{s[0]}{m}", f"{m}{s[:3]}{rng.randint(10, 999)}"][pat]
    return f"{local}@{domain}"


def make_person(rng, y0=1955, y1=2002, gender=None, region=None, domain=None, used=None,
                surname=None, office=False) -> Person:
    used = used if used is not None else set()
    for _ in range(200):
        dob = rand_date(rng, y0, y1)
        sei = surname or rng.choice(SURNAMES)
        pool = [g for g in GIVEN_NAMES if _gen_letter(dob.year) in g[4] and (gender is None or g[3] == gender)]
        mei = rng.choice(pool)
        if (sei[0], mei[0]) not in used and (sei[2], mei[2]) not in used:
            used.add((sei[0], mei[0]))
            used.add((sei[2], mei[2]))
            break
    addr = make_address(rng, region, office=office)
    home = landline(rng, addr.region)
    return Person(sei, mei, dob, addr, mobile(rng), home, make_email(rng, sei[2], mei[2], dob.year, domain),
                  gen_mynumber(rng))


@dataclass
class Company:
    name: str
    en: str
    domain: str
    addr: Address
    tel: tuple
    fax: tuple
    corp: str
    rep: Person
    rep_title: str = "代表取締役"

    def mail(self, local):
        return f"{local}@{self.domain}"

    def staff(self, rng, used=None, **kw) -> Person:
        p = make_person(rng, 1960, 1998, domain=self.domain, used=used, region=self.addr.region, **kw)
        p.addr = self.addr
        return p


COMPANY_DEFS = [
    ("株式会社あおぞら商事", "Aozora Shoji Co., Ltd.", "aozora-shoji.example.co.jp", ("東京都", "千代田区")),
    ("東和システム株式会社", "Towa System Corporation", "towa-sys.example.co.jp", ("東京都", "新宿区")),
    ("株式会社ミドリ建設", "Midori Kensetsu Co., Ltd.", "midori-kensetsu.example.co.jp", ("神奈川県", "横浜市港北区")),
    ("北斗精機株式会社", "Hokuto Seiki Co., Ltd.", "hokuto-seiki.example.co.jp", ("北海道", "札幌市中央区")),
    ("さくらフーズ株式会社", "Sakura Foods Inc.", "sakura-foods.example.co.jp", ("大阪府", "大阪市北区")),
    ("株式会社ひかりデータサービス", "Hikari Data Service Inc.", "hikari-ds.example.co.jp", ("東京都", "渋谷区")),
    ("合同会社ブルーリーフ", "Blue Leaf LLC", "blueleaf.example.jp", ("福岡県", "福岡市中央区")),
    ("株式会社みなと物流", "Minato Logistics Co., Ltd.", "minato-logi.example.co.jp", ("兵庫県", "神戸市中央区")),
    ("有限会社いろは印刷", "Iroha Printing Ltd.", "iroha-print.example.jp", ("愛知県", "名古屋市中区")),
    ("株式会社サンライズ・コンサルティング", "Sunrise Consulting Inc.", "sunrise-c.example.com", ("東京都", "千代田区")),
    ("日本テックソリューションズ株式会社", "Nihon Tech Solutions Corp.", "jts.example.co.jp", ("東京都", "江東区")),
    ("株式会社こもれび出版", "Komorebi Publishing Co., Ltd.", "komorebi-pub.example.co.jp", ("東京都", "新宿区")),
    ("株式会社高橋製作所", "Takahashi Manufacturing Co., Ltd.", "takahashi-mfg.example.co.jp", ("愛知県", "豊田市")),
    ("株式会社ネクストリテール", "Next Retail Inc.", "nextretail.example.com", ("宮城県", "仙台市青葉区")),
    ("株式会社グリーンファーム信州", "Green Farm Shinshu Co., Ltd.", "greenfarm.example.jp", ("長野県", "松本市")),
    ("株式会社ソラリス・ペイメント", "Solaris Payment Inc.", "solaris-pay.example.com", ("東京都", "千代田区")),
]


def build_companies():
    rng = random.Random(f"{SEED}:companies")
    out = {}
    for name, en, domain, (pref, city) in COMPANY_DEFS:
        region = next(r for r in REGIONS if r.pref == pref and r.city == city)
        addr = make_address(rng, region, office=True)
        tel = landline(rng, region)
        rep = make_person(rng, 1950, 1975, domain=domain, region=region)
        out[name] = Company(name, en, domain, addr, tel, phone_plus(tel, 1), gen_corp(rng), rep)
    return out


COMPANIES = build_companies()


def company(name_part: str) -> Company:
    return next(c for n, c in COMPANIES.items() if name_part in n)


# ---------------------------------------------------------------------------------------
# Label collector
# ---------------------------------------------------------------------------------------

class Lab:
    """Collects labels; every helper returns the value so it can be written inline."""

    def __init__(self):
        self.d: dict[str, list[str]] = {}

    def add(self, t: str, v: str) -> str:
        assert t in TYPES, t
        assert v and v == v.strip(), repr(v)
        lst = self.d.setdefault(t, [])
        if v not in lst:
            lst.append(v)
        return v

    def name(self, v):
        return self.add("PERSON_NAME", v)

    def addr(self, v):
        return self.add("STREET_ADDRESS", v)

    def phone(self, v):
        return self.add("PHONE_NUMBER", v)

    def email(self, v):
        return self.add("EMAIL_ADDRESS", v)

    def card(self, v):
        assert luhn_valid(v), v
        return self.add("CREDIT_CARD_NUMBER", v)

    def mynum(self, v):
        assert mynumber_valid(v), v
        return self.add("JAPAN_INDIVIDUAL_NUMBER", v)

    def corp(self, v):
        assert corp_valid(v), v
        return self.add("JAPAN_CORPORATE_NUMBER", v)

    def conf(self, v):
        return self.add("CONFIDENTIAL_MARKER", v)

    def dob(self, d: dt.date, style: str) -> str:
        self.add("DATE_OF_BIRTH", d.isoformat())
        return fmt_date(d, style)

    # composite helpers -------------------------------------------------------------
    def p_name(self, p: Person, sep=" "):
        return self.name(p.kanji(sep))

    def p_kana(self, p: Person, sep=" "):
        return self.name(p.kana(sep))

    def p_phone(self, parts, style="hyphen"):
        return self.phone(phone_fmt(parts, style))

    def p_addr(self, a: Address, **kw):
        return self.addr(a.render(**kw))

    def to_json(self):
        return {t: list(self.d[t]) for t in TYPES if t in self.d}


# ---------------------------------------------------------------------------------------
# File writers
# ---------------------------------------------------------------------------------------

@dataclass
class OutFile:
    path: str
    data: bytes
    labels: dict
    encoding: str      # text encoding of the file or of its main text part
    fmt: str
    theme: str


class EvalSet:
    def __init__(self):
        self.files: dict[str, OutFile] = {}
        self.theme = "misc"

    @staticmethod
    def rng(path: str) -> random.Random:
        return random.Random(f"{SEED}:{path}")

    def _add(self, path, data, lab, enc, fmt):
        assert path not in self.files, path
        self.files[path] = OutFile(path, data, lab.to_json(), enc, fmt, self.theme)

    # -- plain text family ----------------------------------------------------------
    def text(self, path, text, lab, enc="utf-8", crlf=False):
        text = text.strip("\n") + "\n"
        if crlf:
            text = text.replace("\n", "\r\n")
        self._add(path, text.encode(enc), lab, enc, path.rsplit(".", 1)[1])

    def csv(self, path, rows, lab, enc="cp932", delim=",", crlf=True, quote_all=False):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n",
                       quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        for r in rows:
            w.writerow(r)
        self._add(path, buf.getvalue().encode(enc), lab, enc, path.rsplit(".", 1)[1])

    # -- OOXML ----------------------------------------------------------------------
    @staticmethod
    def _zip(parts: list[tuple[str, str]]) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, content in parts:
                zi = zipfile.ZipInfo(name, date_time=(2024, 4, 1, 9, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                z.writestr(zi, content.encode("utf-8"))
        return buf.getvalue()

    @staticmethod
    def _core(title, creator, created="2024-04-01T09:00:00Z"):
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(creator)}</dc:creator>'
                f'<cp:lastModifiedBy>{xml_escape(creator)}</cp:lastModifiedBy>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
                '</cp:coreProperties>')

    def docx(self, path, blocks, lab, title="", creator="総務部"):
        """blocks: ("p", text, opts) | ("table", rows, opts).  opts: b, sz, center, right."""
        W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

        def run(text, o):
            rpr = ""
            if o.get("b"):
                rpr += "<w:b/>"
            if o.get("sz"):
                rpr += f'<w:sz w:val="{o["sz"]}"/><w:szCs w:val="{o["sz"]}"/>'
            rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
            return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'

        def para(text, o):
            ppr = ""
            if o.get("center"):
                ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>'
            elif o.get("right"):
                ppr = '<w:pPr><w:jc w:val="right"/></w:pPr>'
            return f"<w:p>{ppr}{run(text, o) if text else ''}</w:p>"

        body = []
        for blk in blocks:
            kind, content = blk[0], blk[1]
            o = blk[2] if len(blk) > 2 else {}
            if kind == "p":
                body.append(para(content, o))
            else:
                ncol = max(len(r) for r in content)
                wcol = 9000 // ncol
                border = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                 for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
                t = [f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{border}</w:tblBorders>'
                     "</w:tblPr><w:tblGrid>" + f'<w:gridCol w:w="{wcol}"/>' * ncol + "</w:tblGrid>"]
                for i, r in enumerate(content):
                    cells = []
                    for cell in list(r) + [""] * (ncol - len(r)):
                        paras = "".join(para(line, {"b": i == 0 and o.get("header")}) for line in str(cell).split("\n"))
                        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{wcol}" w:type="dxa"/></w:tcPr>{paras}</w:tc>')
                    t.append("<w:tr>" + "".join(cells) + "</w:tr>")
                t.append("</w:tbl>")
                body.append("".join(t))
                body.append("<w:p/>")
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<w:document xmlns:w="{W}"><w:body>' + "".join(body) +
               '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
               '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>'
               '</w:sectPr></w:body></w:document>')
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '</Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                '</Relationships>')
        data = self._zip([("[Content_Types].xml", ct), ("_rels/.rels", rels),
                          ("docProps/core.xml", self._core(title, creator)), ("word/document.xml", doc)])
        self._add(path, data, lab, "utf-8", "docx")

    def xlsx(self, path, sheets, lab, title="", creator="総務部"):
        """sheets: list of (sheet name, rows); str cells become inline strings, int/float numbers."""
        def col(i):
            s = ""
            i += 1
            while i:
                i, r = divmod(i - 1, 26)
                s = chr(65 + r) + s
            return s

        parts = []
        for si, (sname, rows) in enumerate(sheets, 1):
            xrows = []
            for ri, r in enumerate(rows, 1):
                cells = []
                for ci, v in enumerate(r):
                    ref = f"{col(ci)}{ri}"
                    if v is None or v == "":
                        continue
                    if isinstance(v, (int, float)):
                        cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xml_escape(str(v))}</t></is></c>')
                xrows.append(f'<row r="{ri}">' + "".join(cells) + "</row>")
            parts.append((f"xl/worksheets/sheet{si}.xml",
                          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                          "<sheetData>" + "".join(xrows) + "</sheetData></worksheet>"))
        n = len(sheets)
        wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
              "".join(f'<sheet name="{xml_escape(s[0])}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1)) +
              "</sheets></workbook>")
        wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
                  "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                          for i in range(1, n + 1)) +
                  f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                  "</Relationships>")
        styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  '<fonts count="1"><font><sz val="11"/><name val="Yu Gothic"/></font></fonts>'
                  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
                  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
                  "</styleSheet>")
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
              "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for i in range(1, n + 1)) +
              '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              "</Types>")
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                "</Relationships>")
        data = self._zip([("[Content_Types].xml", ct), ("_rels/.rels", rels),
                          ("docProps/core.xml", self._core(title, creator)),
                          ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", wbrels),
                          ("xl/styles.xml", styles)] + parts)
        self._add(path, data, lab, "utf-8", "xlsx")

    # -- e-mail ---------------------------------------------------------------------
    def eml(self, path, lab, *, frm, to, subject, date, body, charset="iso-2022-jp", cc=(),
            msgid=None, in_reply_to=None, attachments=(), extra_headers=(), rng=None):
        """frm/to/cc: (display name or "", address).  charset: iso-2022-jp | utf-8-b64 | utf-8-qp.
        attachments: (filename, bytes, mime type, charset or None)."""
        rng = rng or self.rng(path)
        hcs = "ISO-2022-JP" if charset == "iso-2022-jp" else "UTF-8"

        def addr(t):
            name, a = t
            return f"{encode_words(name, hcs)} <{a}>" if name else a

        lines = list(extra_headers)
        lines.append(f"Date: {date}")
        lines.append(f"From: {addr(frm)}")
        lines.append("To: " + ",\r\n ".join(addr(t) for t in to))
        if cc:
            lines.append("Cc: " + ",\r\n ".join(addr(t) for t in cc))
        lines.append(f"Subject: {encode_words(subject, hcs)}")
        mid_domain = frm[1].split("@")[1]
        msgid = msgid or f"<{date_compact(date)}.{rng.randrange(16**8):08X}@{mid_domain}>"
        lines.append(f"Message-ID: {msgid}")
        if in_reply_to:
            lines.append(f"In-Reply-To: {in_reply_to}")
            lines.append(f"References: {in_reply_to}")
        lines.append("MIME-Version: 1.0")
        body_hdr, body_bytes = encode_body(body, charset)
        if attachments:
            boundary = f"----=_NextPart_{rng.randrange(16**6):06X}_{rng.randrange(16**8):08X}"
            lines.append(f'Content-Type: multipart/mixed;\r\n boundary="{boundary}"')
            out = "\r\n".join(lines).encode("ascii") + b"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n"
            out += f"--{boundary}\r\n".encode() + "\r\n".join(body_hdr).encode() + b"\r\n\r\n" + body_bytes + b"\r\n"
            for fname, data, mime, cs in attachments:
                ctype = f"{mime}; charset={cs}" if cs else mime
                b64 = base64.encodebytes(data).decode().replace("\n", "\r\n")
                out += (f"--{boundary}\r\nContent-Type: {ctype};\r\n name=\"{fname}\"\r\n"
                        f"Content-Transfer-Encoding: base64\r\n"
                        f"Content-Disposition: attachment;\r\n filename=\"{fname}\"\r\n\r\n").encode() + b64.encode()
            out += f"--{boundary}--\r\n".encode()
        else:
            out = ("\r\n".join(lines + body_hdr)).encode("ascii") + b"\r\n\r\n" + body_bytes
        self._add(path, out, lab, charset, "eml")


def date_compact(date_hdr: str) -> str:
    d = dt.datetime.strptime(date_hdr[5:25], "%d %b %Y %H:%M:%S")
    return d.strftime("%Y%m%d%H%M%S")


def encode_words(s: str, charset: str) -> str:
    """RFC 2047 B-encoded words (folded), each chunk self-contained."""
    if all(ord(c) < 128 for c in s):
        return s
    codec = "iso2022_jp" if charset == "ISO-2022-JP" else "utf-8"
    step = 10 if codec == "iso2022_jp" else 12
    words = []
    for i in range(0, len(s), step):
        chunk = s[i:i + step]
        words.append(f"=?{charset}?B?{base64.b64encode(chunk.encode(codec)).decode()}?=")
    return "\r\n ".join(words)


def encode_body(body: str, charset: str):
    body = body.strip("\n") + "\n"
    crlf = body.replace("\n", "\r\n")
    if charset == "iso-2022-jp":
        return (["Content-Type: text/plain; charset=ISO-2022-JP", "Content-Transfer-Encoding: 7bit"],
                crlf.encode("iso2022_jp"))
    if charset == "utf-8-b64":
        b64 = base64.encodebytes(crlf.encode("utf-8")).decode().replace("\n", "\r\n")
        return (["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64"], b64.encode())
    if charset == "utf-8-qp":
        import quopri
        qp = quopri.encodestring(crlf.encode("utf-8")).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        return (["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"], qp)
    raise ValueError(charset)


def csv_bytes(rows, enc="cp932", crlf=True) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode(enc)


def mail_date(d: dt.datetime) -> str:
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    mons = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{days[d.weekday()]}, {d.day:02d} {mons[d.month - 1]} {d.year} {d:%H:%M:%S} +0900"


def rand_dt(rng, y=2024, m0=1, m1=12):
    d = rand_date(rng, y, y)
    while not (m0 <= d.month <= m1) or d.weekday() >= 5:
        d = rand_date(rng, y, y)
    return dt.datetime(d.year, d.month, d.day, rng.randint(8, 19), rng.randint(0, 59), rng.randint(0, 59))


# ---------------------------------------------------------------------------------------
# Roster machinery
# ---------------------------------------------------------------------------------------

REF_DATE = dt.date(2024, 4, 1)


def col_name(sep=" "):
    return lambda p, L, r, i: L.p_name(p, sep if not callable(sep) else sep(r))


def col_kana(kind="kata", sep=" "):
    def f(p, L, r, i):
        v = {"kata": p.kana(sep), "hira": p.hira(sep), "hankaku": p.hankaku(sep)}[kind]
        return L.name(v)
    return f


def col_roman(style="first_last"):
    return lambda p, L, r, i: L.name(p.roman(style))


def col_dob(styles):
    return lambda p, L, r, i: L.dob(p.dob, r.choice(styles) if isinstance(styles, (list, tuple)) else styles)


def col_addr(styles=("hyphen",), pref_prob=1.0, bldg=True, bsep=" ", minus="－"):
    def f(p, L, r, i):
        return L.p_addr(p.addr, style=r.choice(styles), pref=r.random() < pref_prob, bldg=bldg, bsep=bsep,
                        minus=minus)
    return f


def col_phone(which="mobile", styles=("hyphen",), blank=0.0):
    def f(p, L, r, i):
        if r.random() < blank:
            return ""
        parts = {"mobile": p.mobile, "home": p.home}[which] if which != "any" else r.choice([p.mobile, p.home])
        return L.p_phone(parts, r.choice(styles))
    return f


def col_email(blank=0.0):
    return lambda p, L, r, i: "" if r.random() < blank else L.email(p.email)


def col_const(fn):
    return lambda p, L, r, i: fn(p, r, i)


def build_roster(rng, L, n, cols, **pkw):
    used = set()
    rows = [[h for h, _ in cols]]
    people = []
    for i in range(n):
        p = make_person(rng, used=used, **pkw)
        people.append(p)
        rows.append([fn(p, L, rng, i) for _, fn in cols])
    return rows, people


def reg_date(r, y0=2015, y1=2024, style="slash"):
    return fmt_date(rand_date(r, y0, y1 if y1 < 2024 else 2023), style)


ALL_PHONE_STYLES = ["hyphen", "hyphen", "hyphen", "plain", "paren", "paren2", "intl", "intl_space", "fw", "space"]
ALL_DOB_STYLES = ["slash", "iso", "kanji", "era", "era_dot", "era_slash", "slash_np", "fw_kanji", "kanji_pad"]
ALL_ADDR_STYLES = ["hyphen", "hyphen", "chome", "chome_fw", "chome_hyphen", "fw_hyphen", "kanji"]


# ---------------------------------------------------------------------------------------
# Theme: customer lists / rosters
# ---------------------------------------------------------------------------------------

def gen_customers(S: EvalSet):
    S.theme = "roster"

    # 1. classic cp932 Excel export
    path = "customers/kokyaku_list_202403.csv"
    r, L = S.rng(path), Lab()
    cols = [
        ("No", col_const(lambda p, r, i: str(i + 1))),
        ("顧客ID", col_const(lambda p, r, i: f"C{100234 + i * 17:07d}")),
        ("氏名", col_name(" ")),
        ("フリガナ", col_kana("kata", " ")),
        ("性別", col_const(lambda p, r, i: "男" if p.gender == "M" else "女")),
        ("生年月日", col_dob("slash")),
        ("郵便番号", col_const(lambda p, r, i: p.addr.postal)),
        ("住所", col_addr(("hyphen", "hyphen", "chome"), pref_prob=1.0)),
        ("電話番号", col_phone("home", ("hyphen",), blank=0.2)),
        ("携帯電話", col_phone("mobile", ("hyphen",), blank=0.1)),
        ("メールアドレス", col_email(blank=0.1)),
        ("登録日", col_const(lambda p, r, i: reg_date(r))),
        ("最終購入日", col_const(lambda p, r, i: fmt_date(rand_date(r, 2023, 2023), "slash"))),
    ]
    rows, _ = build_roster(r, L, 40, cols)
    S.csv(path, rows, L, enc="cp932")

    # 2. UTF-8 with BOM, hiragana readings, era birth dates, full-width space in names
    path = "customers/kaiin_meibo_utf8bom.csv"
    r, L = S.rng(path), Lab()
    cols = [
        ("会員番号", col_const(lambda p, r, i: f"{20180000 + r.randint(1, 9999):08d}")),
        ("氏名", col_name("　")),
        ("ふりがな", col_kana("hira", "　")),
        ("生年月日", col_dob(["era", "era", "kanji"])),
        ("年齢", col_const(lambda p, r, i: str(age_on(p.dob, REF_DATE)))),
        ("住所", col_addr(("chome", "chome_fw", "hyphen"), pref_prob=0.6)),
        ("電話番号", col_phone("any", ("hyphen", "fw", "plain", "paren"))),
        ("メールアドレス", col_email(0.15)),
        ("入会日", col_const(lambda p, r, i: reg_date(r, 2016, 2023, "kanji"))),
    ]
    rows, _ = build_roster(r, L, 25, cols)
    S.csv(path, rows, L, enc="utf-8-sig")

    # 3. English headers, romanised names, international phone format
    path = "customers/customer_export_en.csv"
    r, L = S.rng(path), Lab()
    cols = [
        ("Customer ID", col_const(lambda p, r, i: f"CUS-{2024000 + i * 7}")),
        ("Name", col_name(" ")),
        ("Name (Romaji)", col_roman("first_last")),
        ("Gender", col_const(lambda p, r, i: p.gender)),
        ("Date of Birth", col_dob("iso")),
        ("Phone", col_phone("mobile", ("intl", "intl", "intl_space"))),
        ("Address", col_addr(("hyphen",), pref_prob=1.0)),
        ("Email", col_email()),
        ("Created At", col_const(lambda p, r, i: f"{rand_date(r, 2021, 2023).isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}+09:00")),
    ]
    rows, _ = build_roster(r, L, 30, cols)
    S.csv(path, rows, L, enc="utf-8", crlf=False)

    # 4. employee roster, TSV, era-abbreviated birth dates, extensions (not phone numbers)
    path = "customers/shain_meibo.tsv"
    r, L = S.rng(path), Lab()
    depts = ["営業部", "営業部", "開発部", "開発部", "総務部", "経理部", "人事部", "品質保証部", "情報システム部"]
    titles = ["", "", "", "主任", "係長", "課長", "部長"]
    comp = company("東和システム")
    cols = [
        ("社員番号", col_const(lambda p, r, i: f"{r.choice([2008, 2012, 2015, 2019, 2021, 2023])}{i + 11:03d}")),
        ("氏名", col_name(" ")),
        ("フリガナ", col_kana("kata", " ")),
        ("所属", col_const(lambda p, r, i: r.choice(depts))),
        ("役職", col_const(lambda p, r, i: r.choice(titles))),
        ("入社日", col_const(lambda p, r, i: fmt_date(rand_date(r, max(p.dob.year + 22, 1990), 2023), "era_slash"))),
        ("生年月日", col_dob(["era_dot", "era_slash", "era_dot"])),
        ("内線", col_const(lambda p, r, i: str(r.randint(2100, 2899)))),
        ("携帯電話", col_phone("mobile", ("plain", "plain", "hyphen"), blank=0.15)),
        ("メール", col_email()),
    ]
    rows, _ = build_roster(r, L, 35, cols, y0=1962, y1=2001, domain=comp.domain)
    S.csv(path, rows, L, enc="utf-8", delim="\t", crlf=False)

    # 5. DM mailing list, cp932 TSV, honorific in name cell
    path = "customers/dm_hassou_list_sjis.tsv"
    r, L = S.rng(path), Lab()
    cols = [
        ("郵便番号", col_const(lambda p, r, i: "〒" + p.addr.postal)),
        ("住所", col_addr(("chome", "hyphen", "kanji"), pref_prob=0.7)),
        ("宛名", lambda p, L, r, i: L.p_name(p, " ") + " 様"),
        ("電話番号", col_phone("home", ("paren", "paren2", "hyphen"))),
        ("DM区分", col_const(lambda p, r, i: r.choice(["春季カタログ", "春季カタログ", "会員限定セール", "休眠顧客"]))),
    ]
    rows, _ = build_roster(r, L, 15, cols)
    S.csv(path, rows, L, enc="cp932", delim="\t")

    # 6. legacy EUC-JP export, half-width kana, compact dates
    path = "customers/kaiin_list_legacy_eucjp.csv"
    r, L = S.rng(path), Lab()
    cols = [
        ("KAIIN_ID", col_const(lambda p, r, i: f"{r.randint(1, 99999):06d}")),
        ("SHIMEI", col_name("　")),
        ("KANA", col_kana("hankaku", " ")),
        ("SEINENGAPPI", lambda p, L, r, i: (L.add("DATE_OF_BIRTH", p.dob.isoformat()), p.dob.strftime("%Y%m%d"))[1]),
        ("TEL", col_phone("any", ("hyphen", "fw_minus", "plain"))),
        ("JUSHO", col_addr(("chome", "hyphen"), pref_prob=1.0, bldg=True, bsep="　", minus="−")),
        ("KOUSHIN", col_const(lambda p, r, i: rand_date(r, 2009, 2014).strftime("%Y%m%d"))),
    ]
    rows, _ = build_roster(r, L, 20, cols, y0=1945, y1=1990)
    S.csv(path, rows, L, enc="euc_jp", crlf=False)

    # 7. HTML admin page (prefecture only, no street address)
    path = "customers/member_admin_list.html"
    r, L = S.rng(path), Lab()
    used = set()
    trs = []
    for i in range(20):
        p = make_person(r, 1960, 2003, used=used)
        trs.append(f"      <tr><td>{50231 + i * 3}</td><td>{L.p_name(p)}</td><td><a href=\"mailto:{L.email(p.email)}\">{p.email}</a></td>"
                   f"<td>{L.p_phone(p.mobile, r.choice(['hyphen', 'plain']))}</td><td>{p.addr.region.pref}</td>"
                   f"<td>{reg_date(r, 2020, 2023, 'iso')}</td><td>{r.choice(['有効', '有効', '有効', '停止中'])}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="ja">
<head>
  <meta charset="UTF-8">
  <title>会員一覧 | 管理画面</title>
  <link rel="stylesheet" href="/admin/css/admin.css?v=3.2.1">
</head>
<body>
  <header><h1>会員管理システム</h1><nav><a href="/admin/">ダッシュボード</a> | <a href="/admin/members">会員一覧</a> | <a href="/admin/logout">ログアウト</a></nav></header>
  <main>
    <h2>会員一覧（20件 / 全1,284件）</h2>
    <form method="get" action="/admin/members"><input type="text" name="q" placeholder="氏名・メールで検索"><button>検索</button></form>
    <table class="list">
      <thead><tr><th>会員ID</th><th>氏名</th><th>メールアドレス</th><th>電話番号</th><th>都道府県</th><th>登録日</th><th>状態</th></tr></thead>
      <tbody>
{chr(10).join(trs)}
      </tbody>
    </table>
    <p class="pager">&laquo; 前へ | 1 2 3 ... 65 | 次へ &raquo;</p>
  </main>
  <footer>member-admin v2.8.14 (build 20240315.2)</footer>
</body>
</html>"""
    S.text(path, page, L)

    # 8. circle contact list in Markdown
    path = "customers/circle_renrakumo.md"
    r, L = S.rng(path), Lab()
    used = set()
    stations = ["三鷹", "吉祥寺", "荻窪", "中野", "高円寺", "西荻窪", "阿佐ケ谷", "武蔵境"]
    lines = ["# テニスサークル「スマッシュ」連絡網（2024年度）", "",
             "幹事が変わりましたので連絡網を更新しました。雨天中止の連絡は上から順に回してください。", "",
             "| No | 名前 | 携帯 | メール | 最寄り駅 |", "|---:|---|---|---|---|"]
    people = []
    for i in range(12):
        p = make_person(r, 1975, 2000, used=used, region=TOKYO_REGIONS[0])
        people.append(p)
        lines.append(f"| {i + 1} | {L.p_name(p, '')} | {L.p_phone(p.mobile, r.choice(['hyphen', 'plain']))} | "
                     f"{L.email(p.email)} | {r.choice(stations)} |")
    lines += ["", "## 連絡事項", "",
              f"- 幹事: {L.name(people[0].kanji(''))}（{L.p_phone(people[0].mobile, 'hyphen')}）",
              f"- 会計: {L.name(people[3].kanji(''))}",
              "- 練習日: 毎週土曜 9:00〜12:00（市民テニスコート 3番・4番）",
              "- 年会費: 6,000円（4月末までに会計へ）", ""]
    S.text(path, "\n".join(lines), L)

    # 9. seminar attendees (company landlines)
    path = "customers/seminar_sankasha_20240419.csv"
    r, L = S.rng(path), Lab()
    comps = ["株式会社いずみ電機", "大和ロジテック株式会社", "株式会社アルファ企画", "東洋ケミカル株式会社",
             "株式会社みらい不動産", "旭メディカル株式会社", "株式会社コスモ通信", "丸栄食品株式会社"]
    doms = ["izumi-denki.example.co.jp", "yamato-logi.example.co.jp", "alpha-kikaku.example.jp",
            "toyo-chem.example.co.jp", "mirai-re.example.co.jp", "asahi-med.example.co.jp",
            "cosmo-tsushin.example.jp", "maruei.example.co.jp"]
    rows = [["No", "会社名", "部署", "役職", "氏名", "フリガナ", "電話番号", "メールアドレス", "参加形態"]]
    used = set()
    for i in range(18):
        k = r.randrange(len(comps))
        p = make_person(r, 1965, 1998, used=used, domain=doms[k])
        rows.append([str(i + 1), comps[k], r.choice(["情報システム部", "総務部", "経営企画室", "DX推進室", "法務部"]),
                     r.choice(["", "課長", "部長", "主任", "マネージャー"]), L.p_name(p), L.p_kana(p),
                     L.p_phone(landline(r, p.addr.region), "hyphen"), L.email(p.email),
                     r.choice(["会場", "会場", "オンライン"])])
    S.csv(path, rows, L, enc="utf-8-sig")

    # 10. point-card members: 16-digit member numbers that are NOT card numbers (fail Luhn)
    path = "customers/point_members_sjis.csv"
    r, L = S.rng(path), Lab()
    cols = [
        ("ポイントカード番号", col_const(lambda p, r, i: gen_bad_luhn(r, 16, "9800"))),
        ("氏名", col_name("")),
        ("生年月日", col_dob("kanji")),
        ("電話番号", col_phone("mobile", ("hyphen", "plain"))),
        ("累計ポイント", col_const(lambda p, r, i: str(r.randint(0, 48000)))),
        ("ランク", col_const(lambda p, r, i: r.choice(["レギュラー", "シルバー", "ゴールド"]))),
    ]
    rows, _ = build_roster(r, L, 25, cols)
    S.csv(path, rows, L, enc="cp932")

    # 11. big messy master: every phone, date and address form, all quoted
    path = "customers/kokyaku_master_full.csv"
    r, L = S.rng(path), Lab()
    cols = [
        ("顧客コード", col_const(lambda p, r, i: f"K{r.randint(10000, 99999)}")),
        ("氏名", col_name(lambda r: r.choice([" ", "　", ""]))),
        ("フリガナ", col_kana("kata", " ")),
        ("生年月日", col_dob(ALL_DOB_STYLES)),
        ("〒", col_const(lambda p, r, i: p.addr.postal)),
        ("住所", col_addr(ALL_ADDR_STYLES, pref_prob=0.6)),
        ("TEL", col_phone("home", ALL_PHONE_STYLES)),
        ("携帯", col_phone("mobile", ALL_PHONE_STYLES + ["fw_plain"], blank=0.1)),
        ("E-mail", col_email(0.2)),
        ("備考", col_const(lambda p, r, i: r.choice(["", "", "", "DM不要", "要折り返し", "法人担当経由", "住所変更済"]))),
    ]
    rows, _ = build_roster(r, L, 60, cols, y0=1940, y1=2004)
    S.csv(path, rows, L, enc="cp932", quote_all=True)

    # 12. xlsx member list with a summary sheet
    path = "customers/kaiin_meibo.xlsx"
    r, L = S.rng(path), Lab()
    cols = [
        ("会員No", col_const(lambda p, r, i: i + 1)),
        ("氏名", col_name(" ")),
        ("フリガナ", col_kana("kata", " ")),
        ("生年月日", col_dob("kanji")),
        ("住所", col_addr(("hyphen", "chome"), pref_prob=1.0)),
        ("電話番号", col_phone("any", ("hyphen",))),
        ("メールアドレス", col_email(0.1)),
    ]
    rows, people = build_roster(r, L, 30, cols)
    summary = [["区分", "人数"], ["男性", sum(p.gender == "M" for p in people)],
               ["女性", sum(p.gender == "F" for p in people)], ["合計", len(people)], ["集計日", "2024/04/01"]]
    S.xlsx(path, [("会員名簿", rows), ("集計", summary)], L, title="会員名簿")

    # 13. xlsx employee roster with era birth dates
    path = "customers/shain_meibo_2024.xlsx"
    r, L = S.rng(path), Lab()
    comp = company("ひかりデータ")
    cols = [
        ("社員番号", col_const(lambda p, r, i: f"H{r.randint(1000, 9999)}")),
        ("氏名", col_name(" ")),
        ("フリガナ", col_kana("kata", " ")),
        ("部署", col_const(lambda p, r, i: r.choice(["データ基盤部", "営業部", "管理部", "カスタマーサクセス部"]))),
        ("生年月日", col_dob(["era", "era_dot"])),
        ("住所", col_addr(("chome", "hyphen"), pref_prob=1.0)),
        ("携帯電話", col_phone("mobile", ("hyphen",))),
        ("社用メール", col_email()),
    ]
    rows, _ = build_roster(r, L, 22, cols, y0=1965, y1=2001, domain=comp.domain,
                           region=None)
    depts = [["部署", "部長", "内線"], ["データ基盤部", "（兼務）", "3100"], ["営業部", "（空席）", "3200"],
             ["管理部", "（兼務）", "3300"], ["カスタマーサクセス部", "（空席）", "3400"]]
    S.xlsx(path, [("社員名簿", rows), ("部署一覧", depts)], L, title="社員名簿 2024年度")

    # 14. PTA phone tree in plain text
    path = "customers/pta_renrakumo_2nen3kumi.txt"
    r, L = S.rng(path), Lab()
    used = set()
    lines = ["令和6年度 2年3組 緊急連絡網", "", "※この連絡網は緊急時の連絡以外には使用しないでください。",
             "※転居・電話番号の変更があった場合は担任までお知らせください。", "",
             f"担任 → 1番の家庭へ連絡", ""]
    prev = None
    for i in range(14):
        fam = r.choice(SURNAMES)
        parent = make_person(r, 1978, 1992, used=used, surname=fam, gender=r.choice(["F", "F", "M"]),
                             region=TOKYO_REGIONS[3])
        child = make_person(r, 2016, 2016, used=used, surname=fam, region=TOKYO_REGIONS[3])
        ph = L.p_phone(r.choice([parent.mobile, parent.home]), r.choice(["hyphen", "hyphen", "plain"]))
        lines.append(f"{i + 1:2d}. 児童 {L.p_name(child)}　保護者 {L.p_name(parent)}　TEL {ph}")
        if i % 5 == 4:
            lines.append("      ↓（次の列の先頭へ）")
    lines += ["", "最後の家庭は担任へ折り返し連絡をお願いします。", "学校代表 " +
              L.p_phone(landline(r, TOKYO_REGIONS[3]), "hyphen") + "（平日 8:00〜17:00）"]
    S.text(path, "\n".join(lines), L)

    # 15. very small cp932 CSV with English headers
    path = "customers/contacts_small.csv"
    r, L = S.rng(path), Lab()
    cols = [("Name", col_name(" ")), ("Phone", col_phone("mobile", ("hyphen", "plain"))), ("Email", col_email())]
    rows, _ = build_roster(r, L, 6, cols)
    S.csv(path, rows, L, enc="cp932")

    # 16. international contact list, TSV, English dates
    path = "customers/overseas_office_contacts.tsv"
    r, L = S.rng(path), Lab()
    cols = [
        ("Name", col_roman("LAST_first")),
        ("Name (JP)", col_name(" ")),
        ("Date of Birth", col_dob(["en_long", "en_dmy"])),
        ("Phone", col_phone("mobile", ("intl_space", "intl"))),
        ("Home Address", col_addr(("hyphen",), pref_prob=1.0)),
        ("Email", col_email()),
        ("Assignment", col_const(lambda p, r, i: r.choice(["Singapore", "Frankfurt", "San Jose", "Bangkok", "London"]))),
    ]
    rows, _ = build_roster(r, L, 10, cols, y0=1970, y1=1995)
    S.csv(path, rows, L, enc="utf-8", delim="\t", crlf=False)


# ---------------------------------------------------------------------------------------
# Shared document pieces
# ---------------------------------------------------------------------------------------

EN_PLACES = {
    ("横浜市港北区", "新横浜"): "Shin-Yokohama, Kohoku-ku, Yokohama, Kanagawa",
    ("渋谷区", "恵比寿"): "Ebisu, Shibuya-ku, Tokyo",
    ("千代田区", "丸の内"): "Marunouchi, Chiyoda-ku, Tokyo",
    ("大阪市北区", "梅田"): "Umeda, Kita-ku, Osaka",
    ("新宿区", "西新宿"): "Nishi-Shinjuku, Shinjuku-ku, Tokyo",
    ("福岡市中央区", "天神"): "Tenjin, Chuo-ku, Fukuoka",
    ("江東区", "豊洲"): "Toyosu, Koto-ku, Tokyo",
}


TOWN_EN = {"丸の内": "Marunouchi", "大手町": "Otemachi", "神田小川町": "Kanda-Ogawamachi", "麹町": "Kojimachi"}


def en_address(rng) -> Address:
    (city, town), _ = rng.choice(sorted(EN_PLACES.items()))
    region = next(r for r in REGIONS if r.city == city)
    a = make_address(rng, region, bldg_prob=0)
    a.town = town
    return a


def addr_en_fmt(a: Address) -> str:
    return f"{a.c}-{a.b}-{a.g} {EN_PLACES[(a.region.city, a.town)]}"


def signature(L: Lab, p: Person, comp: Company, dept: str, rng, style="box", mobile_line=True, roman=True,
              addr_style="hyphen", tel_style="hyphen") -> str:
    name = L.p_name(p)
    rom = f"（{L.name(p.roman('first_last'))}）" if roman else ""
    lines = []
    if style == "box":
        lines.append("━" * 30)
    elif style == "dash":
        lines.append("--")
    else:
        lines.append("-" * 40)
    lines += [comp.name, dept, f"{name}{rom}",
              f"〒{comp.addr.postal} {L.p_addr(comp.addr, style=addr_style)}",
              f"TEL: {L.p_phone(comp.tel, tel_style)}（代表） / FAX: {L.p_phone(comp.fax, tel_style)}"]
    if mobile_line:
        lines.append(f"携帯: {L.p_phone(p.mobile, 'hyphen')}")
    lines.append(f"E-mail: {L.email(p.email)}")
    lines.append(f"URL: https://www.{comp.domain}/")
    lines.append(lines[0] if style == "box" else "")
    return "\n".join(lines).rstrip("\n")


def school_history(dob: dt.date, rng, era=True, univ=True):
    """Education/career rows (year string, month, text); event dates, not birth dates."""
    hs_grad = dob.year + (19 if (dob.month, dob.day) > (4, 1) else 18)

    def y(v):
        if not era:
            return str(v)
        name, _, ey = era_of(dt.date(v, 4, 1))
        return f"{name}{'元' if ey == 1 else ey}"
    pref_school = rng.choice(["県立青葉高等学校", "都立桜ヶ丘高等学校", "私立明星学園高等学校", "県立北陵高等学校", "市立緑が丘高等学校"])
    uni = rng.choice(["明和大学 経済学部 経営学科", "東都大学 理工学部 情報工学科", "関西学芸大学 文学部 英米文学科",
                      "北杜大学 法学部 法律学科", "中央情報大学 工学部 電気電子工学科"])
    rows = [("", "", "学　歴"), (y(hs_grad), "3", f"{pref_school} 卒業")]
    year = hs_grad
    if univ:
        rows += [(y(hs_grad), "4", f"{uni} 入学"), (y(hs_grad + 4), "3", f"{uni} 卒業")]
        year = hs_grad + 4
    rows.append(("", "", "職　歴"))
    comps = rng.sample([n for n in COMPANIES if "高橋" not in n], 2)
    rows.append((y(year), "4", f"{comps[0]} 入社"))
    if year + 6 < 2023:
        mid = rng.randint(year + 3, min(year + 10, 2022))
        rows.append(("", "", "　営業部に配属。法人向けソリューション営業を担当"))
        rows.append((y(mid), rng.choice(["3", "9", "12"]), f"{comps[0]} 一身上の都合により退社"))
        rows.append((y(mid), rng.choice(["4", "10"]), f"{comps[1]} 入社"))
    rows.append(("", "", "現在に至る"))
    rows.append(("", "", "以上"))
    return rows


def family(rng, p: Person, used, n_children=None):
    spouse = make_person(rng, p.dob.year - 4, min(p.dob.year + 4, 2002), surname=p.sei,
                         gender="F" if p.gender == "M" else "M", used=used)
    spouse.addr = p.addr
    n_children = rng.randint(0, 2) if n_children is None else n_children
    kids = []
    for _ in range(n_children):
        y0 = max(p.dob.year + 25, 2005)
        k = make_person(rng, y0, max(y0, 2022), surname=p.sei, used=used)
        k.addr = p.addr
        kids.append(k)
    return spouse, kids


# ---------------------------------------------------------------------------------------
# Theme: HR (履歴書, 職務経歴書, 入社手続き, マイナンバー, 給与振込, 年末調整)
# ---------------------------------------------------------------------------------------

SHIKAKU = ["普通自動車第一種運転免許 取得", "TOEIC Listening & Reading 公開テスト 815点 取得",
           "基本情報技術者試験 合格", "日商簿記検定2級 合格", "秘書検定2級 合格", "応用情報技術者試験 合格",
           "ITパスポート試験 合格", "実用英語技能検定2級 合格"]


def rirekisho_fields(L: Lab, p: Person, rng, dob_style="era", ref=REF_DATE):
    age = age_on(p.dob, ref)
    return [
        ("ふりがな", L.name(p.hira(" "))),
        ("氏名", L.p_name(p)),
        ("生年月日", f"{L.dob(p.dob, dob_style)}生（満{age}歳）"),
        ("性別", "男" if p.gender == "M" else "女"),
        ("現住所", f"〒{p.addr.postal}\n{L.p_addr(p.addr, style=rng.choice(['chome', 'hyphen']))}"),
        ("電話", L.p_phone(p.home, "hyphen") if rng.random() < 0.4 else L.p_phone(p.mobile, "hyphen")),
        ("携帯電話", L.p_phone(p.mobile, "hyphen")),
        ("E-mail", L.email(p.email)),
        ("連絡先", "同上"),
    ]


def gen_hr(S: EvalSet):
    S.theme = "hr"

    # --- 履歴書 as docx -----------------------------------------------------------------
    for path, y0, y1, dob_style in [("hr/rirekisho_2024_entry01.docx", 1985, 1995, "era"),
                                    ("hr/rirekisho_chuto_saiyo.docx", 1975, 1988, "kanji")]:
        r, L = S.rng(path), Lab()
        p = make_person(r, y0, y1, region=r.choice(REGIONS[:12]))
        f = rirekisho_fields(L, p, r, dob_style)
        hist = school_history(p.dob, r, era=dob_style == "era")
        blocks = [("p", "履　歴　書", {"b": True, "sz": 36, "center": True}),
                  ("p", "2024年 3月 1日現在", {"right": True}),
                  ("table", [[k, v] for k, v in f]),
                  ("table", [["年", "月", "学歴・職歴（各別にまとめて書く）"]] + [list(x) for x in hist], {"header": True}),
                  ("table", [["年", "月", "免許・資格"]] + [[str(2005 + i * 3), str(r.randint(1, 12)), s]
                                                        for i, s in enumerate(r.sample(SHIKAKU, 3))], {"header": True}),
                  ("p", "志望の動機、特技、好きな学科、アピールポイントなど", {"b": True}),
                  ("p", "前職では法人営業として、顧客の業務課題をヒアリングし、システム導入からその後の定着支援までを一貫して担当してまいりました。"
                        "貴社の「現場に寄り添う」という方針に強く共感しており、これまでの経験を活かして顧客満足度の向上に貢献したいと考え、志望いたしました。"),
                  ("p", "本人希望記入欄（特に給料・職種・勤務時間・勤務地・その他についての希望などがあれば記入）", {"b": True}),
                  ("p", "貴社規定に従います。")]
        S.docx(path, blocks, L, title="履歴書", creator=p.kanji(" "))

    # --- 履歴書 as plain text ----------------------------------------------------------------
    path = "hr/rirekisho_web_form_export.txt"
    r, L = S.rng(path), Lab()
    p = make_person(r, 1996, 2001, region=r.choice(REGIONS))
    f = rirekisho_fields(L, p, r, "slash")
    hist = school_history(p.dob, r, era=False)
    out = ["【応募者情報】エントリーNo. 2024-0317-0042", "応募職種：カスタマーサポート（正社員）", "応募日時：2024/03/17 22:41", ""]
    out += [f"{k}：{v.replace(chr(10), ' ')}" for k, v in f]
    out += ["", "【学歴・職歴】"] + [f"{a:>5} {b:>2}  {c}" for a, b, c in hist]
    out += ["", "【資格】"] + [f"・{s}" for s in r.sample(SHIKAKU, 2)]
    out += ["", "【自己PR】", "大学時代は学園祭実行委員として200名規模の運営に携わりました。",
            "相手の立場に立って考え、粘り強く調整することが得意です。", "",
            "【希望勤務地】東京本社／大阪支社（いずれも可）"]
    S.text(path, "\n".join(out), L)

    # --- entry form as HTML ------------------------------------------------------------------
    path = "hr/entry_confirm_page.html"
    r, L = S.rng(path), Lab()
    p = make_person(r, 1999, 2002)
    rows = [("氏名", L.p_name(p)), ("フリガナ", L.p_kana(p)), ("生年月日", L.dob(p.dob, "kanji")),
            ("住所", L.p_addr(p.addr, style="hyphen")), ("電話番号", L.p_phone(p.mobile, "plain")),
            ("メールアドレス", L.email(p.email)), ("学校名", "東都大学 理工学部"), ("卒業予定", "2025年3月")]
    trs = "\n".join(f"        <tr><th>{k}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    S.text(path, f"""<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><title>エントリー内容の確認 | 2025年度新卒採用</title></head>
<body>
  <div class="container">
    <h1>エントリー内容の確認</h1>
    <p>以下の内容でエントリーを受け付けました。確認メールを送信しましたのでご確認ください。</p>
    <table class="confirm">
{trs}
    </table>
    <p>受付番号：E25-004817　／　受付日時：2024年3月21日 14:05</p>
    <p><a href="/recruit/mypage">マイページへ</a></p>
  </div>
</body>
</html>""", L)

    # --- 職務経歴書 (Markdown) ------------------------------------------------------------------
    path = "hr/shokumu_keirekisho.md"
    r, L = S.rng(path), Lab()
    p = make_person(r, 1982, 1990, region=REGIONS[8])
    c1, c2 = company("東和システム"), company("ひかりデータ")
    text = f"""# 職務経歴書

2024年3月1日現在
氏名：{L.p_name(p)}

連絡先：{L.p_phone(p.mobile, 'hyphen')} ／ {L.email(p.email)}
住所：{L.p_addr(p.addr, style='hyphen')}

## 職務要約

SIerにて約8年間、金融・流通業界向けの業務システム開発にプログラマー、システムエンジニアとして従事しました。
その後、{c2.name}にてデータ基盤の設計・構築を担当し、現在はプロジェクトリーダーとして5名のチームを率いています。

## 職務経歴

### {c1.name}（2008年4月〜2016年3月）

- 事業内容：受託システム開発、SES
- 従業員数：約450名

| 期間 | 業務内容 | 規模 | 役割 |
|---|---|---|---|
| 2008年4月〜2011年9月 | 地方銀行向け融資管理システムの保守開発（Java, Oracle） | 15名 | PG |
| 2011年10月〜2016年3月 | 小売チェーン向け在庫管理システムの新規開発（要件定義〜総合テスト） | 30名 | SE、サブリーダー |

### {c2.name}（2016年4月〜現在）

- 事業内容：データ分析基盤の構築・運用支援
- 従業員数：約120名

| 期間 | 業務内容 | 規模 | 役割 |
|---|---|---|---|
| 2016年4月〜2019年3月 | 製造業向けデータウェアハウス構築（AWS, Redshift） | 8名 | SE |
| 2019年4月〜現在 | 複数クライアントのデータ基盤刷新プロジェクト | 5〜12名 | PL |

## 活かせる経験・知識・技術

- Java（10年）、Python（7年）、SQL（15年）
- AWS（Redshift, Glue, Lambda）、Terraform
- 要件定義から運用設計までの一貫した経験

## 資格

- 2010年6月　基本情報技術者試験 合格
- 2014年12月　応用情報技術者試験 合格
- 2020年8月　AWS Certified Solutions Architect – Associate

## 自己PR

顧客の業務を理解したうえで、運用しやすいシステムを提案することを心がけてきました。
データ基盤刷新プロジェクトでは、夜間バッチの処理時間を6時間から1.5時間に短縮しました。

以上
"""
    S.text(path, text, L)

    # --- English resume ----------------------------------------------------------------------
    path = "hr/resume_english.txt"
    r, L = S.rng(path), Lab()
    p = make_person(r, 1984, 1992)
    p.addr = en_address(r)
    text = f"""CURRICULUM VITAE

Name:            {L.name(p.roman('first_last'))} ({L.p_name(p)})
Date of Birth:   {L.dob(p.dob, 'en_long')}
Nationality:     Japanese
Address:         {L.addr(addr_en_fmt(p.addr))} {p.addr.postal}, Japan
Mobile:          {L.p_phone(p.mobile, 'intl_space')}
E-mail:          {L.email(p.email)}

PROFESSIONAL SUMMARY
Bilingual (Japanese/English) account manager with ten years of experience in B2B software sales
and customer success across the APAC region. Consistently exceeded quarterly targets by 110-130%.

EXPERIENCE
2019 - present   Nihon Tech Solutions Corp., Tokyo - Senior Account Manager
                 * Managed a portfolio of 35 enterprise customers (ARR JPY 480M).
                 * Led the renewal of the three largest contracts in FY2022.
2014 - 2019      Aozora Shoji Co., Ltd., Tokyo - Sales Representative
                 * Opened 12 new accounts in the logistics sector.

EDUCATION
2010 - 2014      Meiwa University, Faculty of Economics (B.A.)

LANGUAGES        Japanese (native), English (TOEIC 925), Mandarin (basic)
REFERENCES       Available upon request.
"""
    S.text(path, text, L)

    # --- 入社手続き xlsx with My Numbers and dependants ------------------------------------------
    path = "hr/nyusha_tetsuzuki_202404.xlsx"
    r, L = S.rng(path), Lab()
    used = set()
    hires, fam_rows = [], [["社員番号", "扶養者氏名", "続柄", "生年月日", "個人番号", "同居"]]
    head = ["社員番号", "氏名", "フリガナ", "生年月日", "住所", "電話番号", "個人番号", "基礎年金番号", "雇用保険番号", "入社日"]
    rows = [head]
    for i in range(8):
        p = make_person(r, 1988, 2002, used=used)
        eid = f"2404{i + 1:03d}"
        rows.append([eid, L.p_name(p), L.p_kana(p), L.dob(p.dob, "slash"), L.p_addr(p.addr, style="hyphen"),
                     L.p_phone(p.mobile, "hyphen"), L.mynum(mn_fmt(p.mynumber, "plain")),
                     f"{digits(r, 4, True)}-{digits(r, 6)}", f"{digits(r, 4, True)}-{digits(r, 6)}-{r.randint(0, 9)}",
                     "2024/04/01"])
        if p.dob.year < 1995 and r.random() < 0.6:
            sp, kids = family(r, p, used)
            fam_rows.append([eid, L.p_name(sp), "配偶者", L.dob(sp.dob, "slash"), L.mynum(sp.mynumber), "同居"])
            for k in kids:
                fam_rows.append([eid, L.p_name(k), "子", L.dob(k.dob, "slash"), L.mynum(k.mynumber), "同居"])
    S.xlsx(path, [("新入社員", rows), ("扶養家族", fam_rows),
                  ("提出状況", [["書類", "提出数", "未提出"], ["入社誓約書", 8, 0], ["給与振込口座届", 7, 1],
                              ["扶養控除等申告書", 8, 0], ["マイナンバー確認書類", 6, 2]])],
           L, title="2024年4月入社 手続き管理表")

    # --- マイナンバー提出一覧 cp932 CSV ----------------------------------------------------------
    path = "hr/mynumber_teishutsu_ichiran.csv"
    r, L = S.rng(path), Lab()
    used = set()
    rows = [["社員番号", "氏名", "個人番号", "本人確認書類", "提出日", "確認者"]]
    checkers = [make_person(r, 1970, 1985, used=used) for _ in range(2)]
    for i in range(24):
        p = make_person(r, 1960, 2001, used=used)
        rows.append([f"{r.randint(1990, 2023)}{r.randint(1, 400):04d}", L.p_name(p),
                     L.mynum(mn_fmt(p.mynumber, "space")),
                     r.choice(["マイナンバーカード", "マイナンバーカード", "通知カード＋運転免許証", "住民票（個人番号記載）＋パスポート"]),
                     fmt_date(rand_date(r, 2023, 2023), "slash"), L.name(r.choice(checkers).sei[0])])
    S.csv(path, rows, L, enc="cp932")

    # --- 年末調整 list ------------------------------------------------------------------------
    path = "hr/nenmatsu_chousei_2023.csv"
    r, L = S.rng(path), Lab()
    used = set()
    rows = [["社員番号", "氏名", "フリガナ", "生年月日", "個人番号", "住所", "配偶者氏名", "配偶者生年月日",
             "配偶者個人番号", "配偶者控除区分", "扶養親族数", "住宅借入金等特別控除"]]
    for i in range(15):
        p = make_person(r, 1960, 1995, used=used)
        row = [f"T{r.randint(10000, 99999)}", L.p_name(p, "　"), L.p_kana(p), L.dob(p.dob, "era"),
               L.mynum(p.mynumber), L.p_addr(p.addr, style="chome", pref=True)]
        if r.random() < 0.6:
            sp, kids = family(r, p, used, 0)
            row += [L.p_name(sp, "　"), L.dob(sp.dob, "era"), L.mynum(sp.mynumber),
                    r.choice(["配偶者控除", "配偶者特別控除", "対象外"]), str(r.randint(0, 3))]
        else:
            row += ["", "", "", "", str(r.randint(0, 2))]
        row.append(r.choice(["", "", "有"]))
        rows.append(row)
    S.csv(path, rows, L, enc="cp932")

    # --- 給与振込一覧 (half-width kana recipient names) -----------------------------------------
    path = "hr/kyuyo_furikomi_202403.tsv"
    r, L = S.rng(path), Lab()
    used = set()
    banks = [("0001", "みずなみ銀行"), ("0005", "ひので銀行"), ("0009", "さくらぎ銀行"), ("0138", "よこはま中央銀行"), ("9900", "ゆうちょ銀行")]
    rows = [["社員番号", "氏名", "受取人名", "銀行コード", "銀行名", "支店コード", "預金種目", "口座番号", "振込額"]]
    total = 0
    for i in range(20):
        p = make_person(r, 1965, 2001, used=used)
        amt = r.randrange(198000, 612000, 100)
        total += amt
        bc, bn = r.choice(banks)
        rows.append([f"{r.randint(100000, 399999)}", L.p_name(p), L.name(p.hankaku(" ")), bc, bn, f"{r.randint(1, 899):03d}",
                     r.choice(["普通", "普通", "当座"]), digits(r, 7), str(amt)])
    rows.append(["", "合計", "", "", "", "", "", "", str(total)])
    S.csv(path, rows, L, enc="cp932", delim="\t")

    # --- 給与振込口座届 docx --------------------------------------------------------------------
    path = "hr/kyuyo_furikomi_kouza_todoke.docx"
    r, L = S.rng(path), Lab()
    p = make_person(r, 1990, 2000, region=REGIONS[1])
    comp = company("東和システム")
    blocks = [("p", "給与振込口座届", {"b": True, "sz": 32, "center": True}),
              ("p", "令和6年3月28日", {"right": True}),
              ("p", f"{comp.name}　代表取締役　{L.p_name(comp.rep)}　殿"),
              ("p", "私の給与・賞与は、下記の口座へ振り込んでくださるようお願いいたします。"),
              ("table", [["社員番号", "2404003"], ["所属", "開発本部 第二開発部"], ["氏名", L.p_name(p)],
                         ["フリガナ", L.p_kana(p)], ["住所", L.p_addr(p.addr, style="chome")],
                         ["電話番号", L.p_phone(p.mobile, "hyphen")]]),
              ("table", [["金融機関名", "さくらぎ銀行"], ["支店名", "新宿西口支店（店番 214）"], ["預金種目", "普通"],
                         ["口座番号", digits(r, 7)], ["口座名義（カナ）", L.name(p.hankaku(" "))]]),
              ("p", "※通帳またはキャッシュカードの写しを添付してください。"),
              ("p", "※口座名義は本人名義に限ります。")]
    S.docx(path, blocks, L, title="給与振込口座届", creator="人事部")

    # --- 入社案内メール (ISO-2022-JP) and a reply containing My Numbers (UTF-8) -----------------------
    comp = company("東和システム")
    r = S.rng("hr/mail_pair")
    hr_p = comp.staff(r, gender="F")
    hire = make_person(r, 1988, 1994, region=REGIONS[12])
    spouse, kids = family(r, hire, set(), 1)
    for path in ["hr/nyusha_tetsuzuki_annai.eml", "hr/re_nyusha_tetsuzuki_mynumber.eml"]:
        L = Lab()
        sig = signature(L, hr_p, comp, "人事部 人事グループ", r, style="box")
        annai = f"""{L.p_name(hire)} 様

{comp.name} 人事部の{L.name(hr_p.sei[0])}です。
このたびは内定をご承諾いただき、誠にありがとうございます。
4月1日（月）のご入社に向けて、下記の書類のご準備をお願いいたします。

■ご提出いただく書類（3月15日（金）必着）
　1. 入社誓約書（署名・捺印のうえ原本をご郵送ください）
　2. 給与振込口座届
　3. 扶養控除等（異動）申告書
　4. 基礎年金番号通知書または年金手帳の写し
　5. 個人番号（マイナンバー）の確認書類
　　※マイナンバーはメール本文には記載せず、別途お送りする専用フォームからご登録ください。

■郵送先
　〒{comp.addr.postal} {L.p_addr(comp.addr, style='hyphen')}
　{comp.name} 人事部 入社手続き担当 宛

ご不明な点がございましたら、お気軽にお問い合わせください。
どうぞよろしくお願いいたします。

{sig}"""
        if path.endswith("annai.eml"):
            S.eml(path, L, frm=(L.p_name(hr_p), L.email(hr_p.email)), to=[(L.p_name(hire), L.email(hire.email))],
                  subject="【東和システム】入社手続きのご案内", date="Fri, 01 Mar 2024 10:12:45 +0900",
                  body=annai, charset="iso-2022-jp", msgid="<20240301101245.5F3A@towa-sys.example.co.jp>", rng=r)
        else:
            quoted = "\n".join("> " + x if x else ">" for x in annai.splitlines())
            body = f"""{L.name(hr_p.kanji(' '))} 様

お世話になっております。{L.p_name(hire, '')}です。
入社手続きのご案内をありがとうございました。書類は本日郵送いたしました。

専用フォームにうまくログインできなかったため、大変恐縮ですが
マイナンバーをこちらに記載いたします。お手数ですがご登録をお願いいたします。

・本人　{L.p_name(hire)}　個人番号：{L.mynum(mn_fmt(hire.mynumber, 'hyphen'))}
・配偶者　{L.p_name(spouse)}（{L.dob(spouse.dob, 'era')}生）　個人番号：{L.mynum(mn_fmt(spouse.mynumber, 'hyphen'))}
・長{'男' if kids[0].gender == 'M' else '女'}　{L.p_name(kids[0])}（{L.dob(kids[0].dob, 'era')}生）　個人番号：{L.mynum(mn_fmt(kids[0].mynumber, 'hyphen'))}

また、引越しに伴い住所が変わりますのでお知らせいたします。
新住所：{L.p_addr(hire.addr, style='chome')}
電話番号：{L.p_phone(hire.mobile, 'hyphen')}（変更なし）

何卒よろしくお願いいたします。

{L.p_name(hire)}

On Fri, 01 Mar 2024 10:12:45 +0900
{L.name(hr_p.kanji(' '))} <{L.email(hr_p.email)}> wrote:
{quoted}"""
            S.eml(path, L, frm=(L.p_name(hire), L.email(hire.email)), to=[(L.p_name(hr_p), L.email(hr_p.email))],
                  subject="Re: 【東和システム】入社手続きのご案内", date="Sun, 03 Mar 2024 21:37:02 +0900",
                  body=body, charset="utf-8-b64", in_reply_to="<20240301101245.5F3A@towa-sys.example.co.jp>", rng=r)

    # --- 扶養控除等申告書 transcription (EUC-JP) ---------------------------------------------------
    path = "hr/fuyou_kojo_shinkokusho_r6_eucjp.txt"
    r, L = S.rng(path), Lab()
    comp = company("北斗精機")
    p = make_person(r, 1978, 1986, region=comp.addr.region)
    sp, kids = family(r, p, set(), 2)
    text = f"""令和6年分　給与所得者の扶養控除等（異動）申告書

所轄税務署長　　札幌中税務署長
給与の支払者の名称　{comp.name}
給与の支払者の法人番号　{L.corp(comp.corp)}
給与の支払者の所在地　{L.p_addr(comp.addr, style='hyphen', minus='−')}

あなたの氏名　　　{L.p_name(p, '　')}
フリガナ　　　　　{L.p_kana(p, '　')}
あなたの個人番号　{L.mynum(mn_fmt(p.mynumber, 'space'))}
あなたの生年月日　{L.dob(p.dob, 'era')}
あなたの住所　　　{L.p_addr(p.addr, style='chome', minus='−')}
世帯主の氏名　　　{L.p_name(p, '　')}　　あなたとの続柄　本人

A 源泉控除対象配偶者
　氏名　{L.p_name(sp, '　')}（{L.name(sp.kana('　'))}）
　個人番号　{L.mynum(mn_fmt(sp.mynumber, 'space'))}
　生年月日　{L.dob(sp.dob, 'era')}
　令和6年中の所得の見積額　480,000円

B 控除対象扶養親族（16歳以上）
　該当なし

C 16歳未満の扶養親族
"""
    for k in kids:
        text += f"""　氏名　{L.p_name(k, '　')}　続柄　{'長男' if k.gender == 'M' else '長女'}
　個人番号　{L.mynum(mn_fmt(k.mynumber, 'space'))}
　生年月日　{L.dob(k.dob, 'era')}
　住所　同上
"""
    text += "\n※本申告書は原本を総務部へ提出済み。システム入力用の控え。\n"
    S.text(path, text, L, enc="euc_jp")

    # --- 社員個人カード (intranet HTML) ------------------------------------------------------------
    path = "hr/shain_kojin_card_2019118.html"
    r, L = S.rng(path), Lab()
    p = make_person(r, 1980, 1996, region=REGIONS[16])
    ec = make_person(r, 1950, 1965, surname=p.sei, region=p.addr.region)
    rows = [("社員番号", "2019118"), ("氏名", L.p_name(p)), ("フリガナ", L.p_kana(p)),
            ("生年月日", L.dob(p.dob, "era")), ("性別", "男性" if p.gender == "M" else "女性"),
            ("現住所", f"〒{p.addr.postal} {L.p_addr(p.addr, style='chome', pref=False)}"),
            ("自宅電話", L.p_phone(p.home, "paren")), ("携帯電話", L.p_phone(p.mobile, "hyphen")),
            ("個人メール", L.email(p.email)),
            ("緊急連絡先", f"{L.p_name(ec)}（{'父' if ec.gender == 'M' else '母'}）　{L.p_phone(ec.mobile, 'hyphen')}"),
            ("最寄り駅", "JR大阪環状線 天満駅"), ("通勤経路", "天満 → 大阪 → 本町（定期代 月額 12,340円）")]
    trs = "\n".join(f"<tr><th>{k}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    S.text(path, f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>社員個人カード - 人事ポータル</title></head>
<body>
<h1>社員個人カード</h1>
<p class="note">※変更がある場合は「申請」メニューから異動届を提出してください。</p>
<table border="1" cellpadding="4">
{trs}
</table>
<p>最終更新：2024-02-09 18:22（人事部）</p>
</body></html>""", L)

    # --- 退職手続きチェックリスト (author + marker only) --------------------------------------------
    path = "hr/taishoku_tetsuzuki_checklist.md"
    r, L = S.rng(path), Lab()
    author = make_person(r, 1975, 1990)
    S.text(path, f"""<!-- {L.conf('社外秘')} -->
# 退職手続きチェックリスト（人事担当者用）

> 分類：{L.conf('社外秘')}　／　作成：人事部 {L.p_name(author)}　／　改訂：2024年2月1日 第3版

## 退職日の1か月前まで

- [ ] 退職届の受理（所属長経由）
- [ ] 最終出社日・有給休暇消化予定の確認
- [ ] 貸与物（PC、入館証、社用携帯）返却日の調整

## 退職日まで

- [ ] 健康保険被保険者証の回収（扶養家族分を含む）
- [ ] 退職所得の受給に関する申告書の受領
- [ ] 住民税の徴収方法（一括徴収／普通徴収）の確認
- [ ] 個人番号（マイナンバー）関係書類の保管期限を確認し、廃棄予定表に登録

## 退職後

- [ ] 雇用保険被保険者資格喪失届（退職日の翌日から10日以内）
- [ ] 健康保険・厚生年金保険被保険者資格喪失届（5日以内）
- [ ] 源泉徴収票の発行（退職後1か月以内）
- [ ] 離職票の送付（本人希望の場合）

問い合わせ：人事部 内線 2301
""", L)

    # --- 面接日程 (names only) ---------------------------------------------------------------
    path = "hr/mensetsu_nittei_0415.csv"
    r, L = S.rng(path), Lab()
    used = set()
    ivs = [make_person(r, 1968, 1985, used=used) for _ in range(3)]
    rows = [["日付", "時間", "候補者氏名", "応募職種", "面接官", "会場", "備考"]]
    for i in range(9):
        p = make_person(r, 1990, 2001, used=used)
        rows.append(["2024/04/15" if i < 5 else "2024/04/16", f"{10 + i % 5}:00-{10 + i % 5}:45", L.p_name(p),
                     r.choice(["法人営業", "インフラエンジニア", "経理"]), L.p_name(r.choice(ivs)),
                     r.choice(["本社 12F 会議室A", "本社 12F 会議室B", "オンライン（Teams）"]),
                     r.choice(["", "", "二次面接", "リファラル"])])
    S.csv(path, rows, L, enc="utf-8", crlf=False)

    # --- 健康診断受診予定 xlsx ------------------------------------------------------------------
    path = "hr/kenkou_shindan_yotei.xlsx"
    r, L = S.rng(path), Lab()
    used = set()
    rows = [["社員番号", "氏名", "生年月日", "年齢", "受診日", "受診機関", "コース"]]
    for i in range(18):
        p = make_person(r, 1962, 2001, used=used)
        a = age_on(p.dob, dt.date(2024, 6, 1))
        rows.append([f"{r.randint(100000, 399999)}", L.p_name(p), L.dob(p.dob, "iso"), a,
                     fmt_date(rand_date(r, 2024, 2024).replace(month=6), "slash"),
                     r.choice(["みなとクリニック", "中央健診センター"]), "人間ドック" if a >= 35 else "定期健診"])
    S.xlsx(path, [("受診予定", rows)], L, title="2024年度 健康診断受診予定表")


# ---------------------------------------------------------------------------------------
# Theme: business mail and letters
# ---------------------------------------------------------------------------------------

def gen_mail(S: EvalSet):
    S.theme = "business_mail"

    # 1. thanks after a meeting (ISO-2022-JP), with Cc
    path = "mail/uchiawase_orei.eml"
    r, L = S.rng(path), Lab()
    a, m = company("あおぞら商事"), company("ミドリ建設")
    me, boss, cust = a.staff(r, gender="M"), a.staff(r), m.staff(r)
    body = f"""{m.name}
総務部 部長
{L.p_name(cust)} 様

いつもお世話になっております。
{a.name}の{L.name(me.sei[0])}でございます。

本日はご多忙のところ、貴重なお時間を頂戴し誠にありがとうございました。
ご説明いたしました複合機の入替プランにつきまして、いただいたご要望を踏まえ
以下のとおり整理いたしました。

　・対象拠点：本社（3台）、新横浜営業所（2台）
　・導入希望時期：2024年7月中旬
　・保守契約：現行の月額固定から、カウンター料金制へ変更を検討
　・既存機の撤去・データ消去証明書の発行を含む

来週4月18日（木）までに正式なお見積書をお送りいたします。
なお、同席しておりました弊社課長の{L.name(boss.kanji(''))}もCcに入れさせていただいております。

引き続き何卒よろしくお願い申し上げます。

{signature(L, me, a, '法人営業部 第一グループ', r, style='box')}"""
    S.eml(path, L, frm=(L.p_name(me), L.email(me.email)), to=[(L.p_name(cust), L.email(cust.email))],
          cc=[(L.p_name(boss), L.email(boss.email))], subject="本日のお打合せのお礼（複合機入替の件）",
          date="Thu, 11 Apr 2024 18:04:51 +0900", body=body, charset="iso-2022-jp", rng=r,
          extra_headers=["X-Mailer: Microsoft Outlook 16.0"])

    # 2. request for quotation (UTF-8 base64)
    path = "mail/mitsumori_irai_catalog.eml"
    r, L = S.rng(path), Lab()
    buyer_c, vendor_c = company("ネクストリテール"), company("いろは印刷")
    buyer, vendor = buyer_c.staff(r), vendor_c.staff(r)
    body = f"""{vendor_c.name}
営業部 {L.p_name(vendor, '')} 様

いつも大変お世話になっております。
{buyer_c.name} 販売促進部の{L.name(buyer.sei[0])}です。

夏季カタログの印刷について、下記の仕様でお見積りをお願いできますでしょうか。

【仕様】
　品名：2024年 夏の贈り物カタログ
　サイズ：A4変形（210×280mm）
　ページ数：64ページ（表紙4ページ＋本文60ページ）
　用紙：表紙 コート135kg／本文 マットコート90kg
　部数：30,000部／50,000部 の2パターン
　納期：2024年5月24日（金） 仙台物流センター着

ご多忙のところ恐縮ですが、4月19日（金）までにご回答いただけますと幸いです。
よろしくお願いいたします。

--
{buyer_c.name}
販売促進部　{L.p_name(buyer)}
〒{buyer_c.addr.postal} {L.p_addr(buyer_c.addr, style='chome', pref=False)}
TEL {L.p_phone(buyer_c.tel, 'paren')}　FAX {L.p_phone(buyer_c.fax, 'paren')}
Mail {L.email(buyer.email)}"""
    S.eml(path, L, frm=(L.p_name(buyer), L.email(buyer.email)), to=[("", L.email(vendor.email))],
          subject="夏季カタログ印刷のお見積り依頼", date="Mon, 08 Apr 2024 09:31:10 +0900", body=body,
          charset="utf-8-b64", rng=r)

    # 3. customer handover with a Shift_JIS CSV attachment
    path = "mail/kokyaku_hikitsugi_csv.eml"
    r, L = S.rng(path), Lab()
    c = company("さくらフーズ")
    old, new = c.staff(r, gender="M"), c.staff(r, gender="F")
    used = set()
    rows = [["顧客名", "担当者", "フリガナ", "電話番号", "住所", "メモ"]]
    shops = ["レストラン花みずき", "割烹いしだ", "カフェ・ド・ソレイユ", "ベーカリー麦の穂", "居酒屋たぬき", "洋食キッチン丸福",
             "中華料理 龍華", "そば処 更科庵", "ビストロ・ルポ", "喫茶 ひだまり"]
    for s in shops:
        p = make_person(r, 1955, 1990, used=used, region=r.choice([REGIONS[16], REGIONS[17], REGIONS[19]]))
        rows.append([s, L.p_name(p), L.p_kana(p), L.p_phone(r.choice([p.home, p.mobile]), "hyphen"),
                     L.p_addr(p.addr, style="hyphen", pref=r.random() < 0.5), r.choice(["月末締め翌月払い", "現金", "要事前連絡", ""])])
    att = csv_bytes(rows, "shift_jis")
    body = f"""{L.p_name(new, '')}さん

お疲れさまです。{L.name(old.sei[0])}です。
4月から北区エリアを担当いただくにあたり、担当顧客の一覧を添付します。
支払条件や配送時の注意点はメモ欄に記載しています。

特に「割烹いしだ」さんは納品時間の指定が厳しいので、初回は私も同行します。
来週中に一度、引継ぎの時間を30分ほどいただけますか。

よろしくお願いします。

{c.name} 大阪営業所
{L.p_name(old)}
内線 4512 / 携帯 {L.p_phone(old.mobile, 'hyphen')}"""
    S.eml(path, L, frm=(L.p_name(old), L.email(old.email)), to=[(L.p_name(new), L.email(new.email))],
          subject="【引継ぎ】北区エリア担当顧客一覧", date="Fri, 29 Mar 2024 17:45:03 +0900", body=body,
          charset="iso-2022-jp", attachments=[("kokyaku_kita.csv", att, "text/csv", "Shift_JIS")], rng=r)

    # 4. seminar attendee list attachment (UTF-8)
    path = "mail/seminar_sankasha_attach.eml"
    r, L = S.rng(path), Lab()
    c = company("サンライズ")
    sender, to_p = c.staff(r), c.staff(r)
    used = set()
    rows = [["氏名", "会社名", "メールアドレス", "参加方法"]]
    for i in range(12):
        p = make_person(r, 1965, 1998, used=used)
        rows.append([L.p_name(p), r.choice(["株式会社いずみ電機", "大和ロジテック株式会社", "丸栄食品株式会社", "株式会社コスモ通信"]),
                     L.email(p.email), r.choice(["会場", "オンライン"])])
    att = csv_bytes(rows, "utf-8", crlf=True)
    body = f"""{L.name(to_p.sei[0])}さん

お疲れさまです。{L.name(sender.sei[0])}です。
4/19（金）開催の「中堅企業のためのDX実践セミナー」の申込者リストを送ります（4/12 18時時点で12名）。
会場参加は受付で名刺を1枚いただく運用でお願いします。

取り扱いには注意してください（社外への転送は不可）。

{L.p_name(sender)}
{c.name} マーケティング部"""
    S.eml(path, L, frm=(L.p_name(sender), L.email(sender.email)), to=[(L.p_name(to_p), L.email(to_p.email))],
          subject="セミナー申込者リスト（4/12時点）", date="Fri, 12 Apr 2024 18:20:44 +0900", body=body,
          charset="utf-8-b64", attachments=[("seminar_applicants_0412.csv", att, "text/csv", "UTF-8")], rng=r)

    # 5. confidential meeting invitation, marker in the subject
    path = "mail/keiei_kaigi_shoshu.eml"
    r, L = S.rng(path), Lab()
    c = company("日本テックソリューションズ")
    sec = c.staff(r, gender="F")
    L.conf("社外秘")
    body = f"""執行役員各位

経営企画室の{L.name(sec.sei[0])}です。
標記の件、下記のとおり臨時経営会議を開催いたします。

　日時：2024年4月22日（月）14:00〜16:00
　場所：本社 20階 役員会議室（オンライン参加不可）
　議題：
　　1. 2024年度 第1四半期 業績見通し
　　2. 物流子会社の事業再編について
　　3. その他

資料は当日会議室にて配布し、終了後に回収いたします。
本件は{L.conf('社外秘')}扱いとし、部内への展開はお控えください。

{L.p_name(sec)}
{c.name} 経営企画室
内線 7002"""
    S.eml(path, L, frm=(L.p_name(sec), L.email(sec.email)), to=[("", L.email(c.mail("executives")))],
          subject="【社外秘】臨時経営会議の開催について", date="Tue, 16 Apr 2024 11:02:19 +0900", body=body,
          charset="iso-2022-jp", rng=r)

    # 6. forwarded web inquiry (quoted form data)
    path = "mail/fw_web_toiawase.eml"
    r, L = S.rng(path), Lab()
    c = company("ミドリ建設")
    fwd, to_p = c.staff(r), c.staff(r)
    cust = make_person(r, 1960, 1985, region=REGIONS[8])
    body = f"""{L.name(to_p.sei[0])}さん

お疲れさまです。{L.name(fwd.sei[0])}です。
Webサイトから外壁塗装の問い合わせが入っています。港北区なので担当エリアかと思います。
折り返しのご対応をお願いします。

-------- Forwarded Message --------
件名: 【お問い合わせ】リフォームのご相談
日時: 2024年4月9日 22:13
送信者: no-reply@{c.domain}

お問い合わせ種別：外壁・屋根
お名前：{L.p_name(cust)}
フリガナ：{L.p_kana(cust)}
ご住所：{L.p_addr(cust.addr, style='hyphen')}
お電話番号：{L.p_phone(cust.mobile, 'plain')}
メールアドレス：{L.email(cust.email)}
ご希望の連絡時間帯：平日18時以降
お問い合わせ内容：
築22年の戸建てです。外壁のひび割れが目立ってきたので、塗装の見積りをお願いしたいです。
現地調査は土日を希望します。"""
    S.eml(path, L, frm=(L.p_name(fwd), L.email(fwd.email)), to=[(L.p_name(to_p), L.email(to_p.email))],
          subject="Fw: 【お問い合わせ】リフォームのご相談", date="Wed, 10 Apr 2024 09:05:37 +0900", body=body,
          charset="iso-2022-jp", rng=r)

    # 7. English partner introduction (UTF-8 quoted-printable)
    path = "mail/english_partner_intro.eml"
    r, L = S.rng(path), Lab()
    c = company("あおぞら商事")
    me = c.staff(r)
    partner_email = "j.morgan@northwind.example.com"
    en_addr = L.addr(f"{c.addr.block('hyphen')} {TOWN_EN[c.addr.town]}, Chiyoda-ku, Tokyo")
    body = f"""Dear Ms. {L.name('Morgan')},

Thank you for taking the time to speak with us at the Singapore trade fair last week.
As promised, I am attaching our company profile and the specification sheet for the
AZ-3000 series. Our list prices are valid until 30 June 2024.

We would be happy to arrange a video call at your convenience. I am usually available
between 9:00 and 18:00 JST (UTC+9).

Best regards,

{L.name(me.roman('first_last'))}
Overseas Sales Division
{c.en}
{en_addr} {c.addr.postal}, Japan
Tel: {L.p_phone(c.tel, 'intl')} / Mobile: {L.p_phone(me.mobile, 'intl')}
Email: {L.email(me.email)}"""
    S.eml(path, L, frm=(L.name(me.roman("first_last")), L.email(me.email)),
          to=[(L.name("Jennifer Morgan"), L.email(partner_email))],
          subject="Follow-up from the Singapore trade fair", date="Tue, 02 Apr 2024 16:48:00 +0900", body=body,
          charset="utf-8-qp", rng=r)

    # 8. system alert (only e-mail addresses; IPs, hosts and versions are not PII)
    path = "mail/system_alert_disk.eml"
    r, L = S.rng(path), Lab()
    c = company("ひかりデータ")
    body = """[ALERT] disk usage threshold exceeded

Host:       db-prod-03.internal.hikari-ds.example.co.jp (10.20.3.45)
Check:      disk_usage /var/lib/pgsql
Status:     CRITICAL (92.4% used, threshold 90%)
Since:      2024-04-14 03:12:08 JST
Agent:      zabbix_agent2 6.4.12, kernel 5.14.0-362.24.1.el9_3.x86_64
Event ID:   884201377
Trigger ID: 23190

Recent values:
  03:00  89.7%
  03:05  91.1%
  03:10  92.4%

Runbook: https://wiki.internal.example.co.jp/ops/runbooks/disk-full
This message was sent automatically. Do not reply."""
    S.eml(path, L, frm=("Zabbix", L.email(c.mail("zabbix"))), to=[("", L.email(c.mail("infra-alert")))],
          subject="PROBLEM: Disk usage > 90% on db-prod-03", date="Sun, 14 Apr 2024 03:12:10 +0900", body=body,
          charset="utf-8-b64", rng=r,
          extra_headers=[f"Received: from zbx-server01 (zbx-server01 [10.20.1.11])\r\n\tby mx01.{c.domain} (Postfix) with ESMTP id 4VHq2Y0k1Rz2x;\r\n\tSun, 14 Apr 2024 03:12:10 +0900 (JST)"])

    # 9. newsletter with company footer
    path = "mail/newsletter_202404.eml"
    r, L = S.rng(path), Lab()
    c = company("グリーンファーム")
    to = make_person(r, 1960, 1995)
    body = f"""{L.p_name(to)} 様

いつも{c.name}をご利用いただき、ありがとうございます。
4月のおすすめ商品とイベント情報をお届けします。

━━━━━━━━━━━━━━━━━━━━
■ 今月のおすすめ
━━━━━━━━━━━━━━━━━━━━
・安曇野産 アスパラガス（L玉 1kg）　3,240円（税込）
・信州りんごジュース 1L×6本セット　4,320円（税込）
・春の山菜おまかせセット　2,980円（税込）

■ 収穫体験イベント
　日程：2024年5月11日（土）・12日（日） 各日10:00〜
　定員：各回20組（先着順）

■ 会員ランク
　現在のランク：シルバー（累計ポイント 1,280pt）

ご注文・お問い合わせ
{c.name} 通販事業部
〒{c.addr.postal} {L.p_addr(c.addr, style='hyphen')}
TEL {L.p_phone(c.tel, 'hyphen')}（平日9:00〜17:00）
Mail {L.email(c.mail('shop'))}

配信停止はこちら：https://shop.{c.domain}/mail/stop?id=8f2c01d9
"""
    S.eml(path, L, frm=(c.name, L.email(c.mail("news"))), to=[("", L.email(to.email))],
          subject="【グリーンファーム信州】4月のおすすめとイベントのご案内", date="Mon, 15 Apr 2024 12:00:00 +0900",
          body=body, charset="utf-8-b64", rng=r)

    # 10. trip report (ISO-2022-JP), client people by surname
    path = "mail/shucchou_houkoku_fukuoka.eml"
    r, L = S.rng(path), Lab()
    c, cl = company("東和システム"), company("ブルーリーフ")
    me, boss = c.staff(r), c.staff(r)
    k1, k2 = cl.staff(r), cl.staff(r)
    body = f"""{L.name(boss.sei[0])}部長

お疲れさまです。{L.name(me.sei[0])}です。
4/11〜4/12の福岡出張について報告いたします。

■訪問先
　{cl.name}（福岡市中央区）
　先方：代表社員 {L.p_name(k1)} 様、システム担当 {L.name(k2.sei[0])} 様

■内容
　・在庫管理システム更改の要件ヒアリング（2時間）
　・現行システムの帳票（約40種）のうち、12種は廃止可能との回答
　・予算感は3,000万円前後、稼働希望は2025年4月

■次回アクション
　・4/26までに概算見積と体制案を提出（担当：{L.name(me.sei[0])}）
　・5月上旬に{L.name(k2.sei[0])}様と現行データ移行の打合せ

■経費
　航空券 往復 48,620円、宿泊 1泊 11,800円

以上、よろしくお願いいたします。

{L.p_name(me)}"""
    S.eml(path, L, frm=(L.p_name(me), L.email(me.email)), to=[(L.p_name(boss), L.email(boss.email))],
          subject="出張報告（4/11-12 福岡 ブルーリーフ様）", date="Mon, 15 Apr 2024 08:55:12 +0900", body=body,
          charset="iso-2022-jp", rng=r)

    # 11. year-end greetings to undisclosed recipients
    path = "mail/nenmatsu_goaisatsu.eml"
    r, L = S.rng(path), Lab()
    c = company("みなと物流")
    body = f"""お取引先各位

平素は格別のお引き立てを賜り、厚く御礼申し上げます。
誠に勝手ながら、弊社の年末年始の営業日につきまして下記のとおりご案内申し上げます。

　年末最終営業日：2023年12月28日（木）17:00まで
　年始営業開始日：2024年1月5日（金）9:00から

休業期間中にいただいたお問い合わせは、1月5日以降に順次対応いたします。
緊急の配送トラブルにつきましては、下記フリーダイヤルにて24時間受け付けております。

　緊急受付センター：{L.p_phone(free_dial(r), 'hyphen')}

来年も変わらぬご愛顧を賜りますよう、よろしくお願い申し上げます。

{c.name}
代表取締役社長　{L.p_name(c.rep)}"""
    S.eml(path, L, frm=(c.name, L.email(c.mail("info"))), to=[("", "undisclosed-recipients:;")],
          subject="年末年始休業のお知らせ", date="Mon, 18 Dec 2023 10:00:00 +0900", body=body,
          charset="utf-8-b64", rng=r)

    # 12. automated password reset (name + e-mail)
    path = "mail/password_reset.eml"
    r, L = S.rng(path), Lab()
    c = company("ネクストリテール")
    u = make_person(r, 1970, 2000)
    body = f"""{L.p_name(u)} 様

ネクストリテール オンラインストアをご利用いただきありがとうございます。
パスワード再設定のリクエストを受け付けました。

下記のURLから24時間以内に新しいパスワードを設定してください。
https://store.{c.domain}/account/reset?token=7c1f9e2a84b04d7f9a3e5b6c0d8e1f22

お心当たりのない場合は、このメールを破棄してください。
リクエスト元IPアドレス：203.0.113.58
リクエスト日時：2024/04/10 07:41:26

※本メールは送信専用アドレスから配信しています。"""
    S.eml(path, L, frm=("ネクストリテール オンラインストア", L.email(c.mail("no-reply"))), to=[("", L.email(u.email))],
          subject="パスワード再設定のご案内", date="Wed, 10 Apr 2024 07:41:27 +0900", body=body, charset="iso-2022-jp", rng=r)

    # 13. office relocation letter (cp932 text)
    path = "mail/jimusho_iten_annai_sjis.txt"
    r, L = S.rng(path), Lab()
    c = company("サンライズ")
    old_addr = make_address(r, REGIONS[1], office=True)
    old_tel = landline(r, REGIONS[1])
    S.text(path, f"""2024年4月吉日

お取引先各位

{c.name}
代表取締役　{L.p_name(c.rep)}

本社移転のお知らせ

拝啓　陽春の候、貴社ますますご清栄のこととお慶び申し上げます。
平素は格別のご高配を賜り、厚く御礼申し上げます。

さて、このたび弊社は業務拡大に伴い、本社を下記へ移転することとなりました。
これを機に社員一同心を新たにし、より一層のサービス向上に努めてまいります。
今後とも変わらぬご支援を賜りますよう、お願い申し上げます。

敬具

記

新住所　　〒{c.addr.postal}
　　　　　{L.p_addr(c.addr, style='chome')}
新電話番号　{L.p_phone(c.tel, 'hyphen')}
新FAX番号　{L.p_phone(c.fax, 'hyphen')}
業務開始日　2024年5月7日（火）

旧住所　　〒{old_addr.postal}
　　　　　{L.p_addr(old_addr, style='chome')}
旧電話番号　{L.p_phone(old_tel, 'hyphen')}（5月31日まで転送いたします）

以上
""", L, enc="cp932", crlf=True)

    # 14. apology letter to a customer (UTF-8)
    path = "mail/owabi_haisou_chien.txt"
    r, L = S.rng(path), Lab()
    c = company("ネクストリテール")
    cust = make_person(r, 1950, 1980, region=REGIONS[26])
    staff = c.staff(r)
    S.text(path, f"""〒{cust.addr.postal}
{L.p_addr(cust.addr, style='chome')}
{L.p_name(cust)} 様

2024年4月12日

{c.name}
お客様相談室　室長　{L.p_name(staff)}

商品お届け遅延のお詫び

拝啓　時下ますますご清祥のこととお喜び申し上げます。
このたびは、ご注文いただきました商品（ご注文番号：2403-118845-0027）のお届けが
大幅に遅れ、多大なるご迷惑をおかけいたしましたことを深くお詫び申し上げます。

原因は、物流センターにおける出荷システムの不具合により、一部のご注文が出荷待ちの
状態のまま処理されていなかったことによるものです。現在は不具合を修正し、
同様の事象が発生しないよう確認手順を見直しております。

お詫びのしるしとして、次回以降のお買い物にご利用いただける500円分のクーポンを
同封いたしました。何卒ご容赦くださいますようお願い申し上げます。

敬具

お問い合わせ先：お客様相談室 {L.p_phone(free_dial(r), 'hyphen')}（受付時間 10:00〜18:00）
""", L)

    # 15. FAX cover sheet (cp932, CRLF)
    path = "mail/fax_soufujou.txt"
    r, L = S.rng(path), Lab()
    c_from, c_to = company("いろは印刷"), company("さくらフーズ")
    p_from, p_to = c_from.staff(r), c_to.staff(r)
    S.text(path, f"""ＦＡＸ送付状

送信日：2024年4月10日

宛先：{c_to.name}
　　　商品企画部　{L.p_name(p_to)} 様
　　　FAX：{L.p_phone(c_to.fax, 'hyphen')}

発信元：{c_from.name}
　　　　営業部　{L.p_name(p_from)}
　　　　〒{c_from.addr.postal} {L.p_addr(c_from.addr, style='hyphen')}
　　　　TEL：{L.p_phone(c_from.tel, 'hyphen')}　FAX：{L.p_phone(c_from.fax, 'hyphen')}

送信枚数：本状を含め 3 枚

件名：パッケージ校正刷りの送付について

いつもお世話になっております。
ご依頼いただいておりました「春の焼き菓子ギフト」パッケージの校正刷りをお送りいたします。
色味の最終確認をお願いいたします。修正箇所がございましたら、4月15日（月）正午までに
ご連絡いただけますと、予定どおり4月26日の納品が可能です。

※不鮮明な箇所がございましたら、お手数ですが上記までご連絡ください。
""", L, enc="cp932", crlf=True)

    # 16. business-card database export
    path = "mail/meishi_data_export.csv"
    r, L = S.rng(path), Lab()
    used = set()
    rows = [["氏名", "フリガナ", "会社名", "部署", "役職", "郵便番号", "住所", "TEL", "FAX", "携帯電話", "E-mail", "名刺交換日"]]
    comps = [c for n, c in COMPANIES.items()]
    for i in range(25):
        c = r.choice(comps)
        p = c.staff(r, used=used)
        rows.append([L.p_name(p), L.p_kana(p), c.name, r.choice(["営業部", "総務部", "経営企画室", "購買部", "情報システム部"]),
                     r.choice(["", "主任", "課長", "部長", "マネージャー"]), c.addr.postal,
                     L.p_addr(c.addr, style="hyphen"), L.p_phone(c.tel, "hyphen"), L.p_phone(c.fax, "hyphen"),
                     L.p_phone(p.mobile, "hyphen") if r.random() < 0.5 else "", L.email(p.email),
                     fmt_date(rand_date(r, 2022, 2023), "slash")])
    S.csv(path, rows, L, enc="utf-8-sig")
