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
    "CONFIDENTIAL_MARKER", "JAPAN_BANK_ACCOUNT", "JAPAN_PASSPORT",
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
        "en_dmy_long": f"{dd} {MONTHS_EN[m - 1]} {y}",
        "en_dmy_hyphen": f"{dd:02d}-{MONTHS_EN[m - 1][:3]}-{y}",
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
        name = rng.choice([short_town, short_town, "中央", "セントラル", "第一"])
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
                "LAST_FIRST": f"{s.upper()} {m.upper()}", "last_comma": f"{s}, {m}",
                "FIRST_LAST": f"{m.upper()} {s.upper()}"}[style]


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

    # -- OpenDocument, RTF and PDF: the formats forms also come in -------------------------
    def odt(self, path, blocks, lab):
        """blocks: ("p", text) | ("table", rows); an OpenDocument text, mimetype stored first as the format asks."""
        body = []
        for kind, content in blocks:
            if kind == "p":
                body.append(f"<text:p>{xml_escape(content)}</text:p>")
                continue
            ncol = max(len(r) for r in content)
            rows = "".join("<table:table-row>" + "".join(
                '<table:table-cell office:value-type="string">'
                + "".join(f"<text:p>{xml_escape(line)}</text:p>" for line in str(c).split("\n"))
                + "</table:table-cell>" for c in list(r) + [""] * (ncol - len(r))) + "</table:table-row>"
                for r in content)
            body.append(f'<table:table table:name="T{len(body)}"><table:table-column '
                        f'table:number-columns-repeated="{ncol}"/>{rows}</table:table>')
        content_xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                       '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
                       '<office:body><office:text>' + "".join(body) + '</office:text></office:body></office:document-content>')
        manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '</manifest:manifest>')
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, text, method in [("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED),
                                       ("content.xml", content_xml, zipfile.ZIP_DEFLATED),
                                       ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)]:
                zi = zipfile.ZipInfo(name, date_time=(2024, 4, 1, 9, 0, 0))
                zi.compress_type = method
                zi.external_attr = 0o644 << 16
                z.writestr(zi, text.encode("utf-8"))
        self._add(path, buf.getvalue(), lab, "utf-8", "odt")

    @staticmethod
    def _rtf_text(text):
        out = []
        for ch in text:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\line ")
            elif ord(ch) < 0x80:
                out.append(ch)
            else:
                code = ord(ch)
                out.append(f"\\u{code - 0x10000 if code > 0x7FFF else code}?")
        return "".join(out)

    def rtf(self, path, blocks, lab):
        """blocks: ("p", text) | ("table", rows), as a word processor saves them (\\uN? for Japanese)."""
        parts = ["{\\rtf1\\ansi\\ansicpg932\\deff0{\\fonttbl{\\f0\\fnil\\fcharset128 MS Mincho;}}\\f0\\fs21\n"]
        for kind, content in blocks:
            if kind == "p":
                parts.append(self._rtf_text(content) + "\\par\n")
                continue
            for r in content:
                cells = "".join(f"\\cellx{2600 * (k + 1)}" for k in range(len(r)))
                parts.append("\\trowd\\trgaph108" + cells + "\n"
                             + "".join("\\pard\\intbl " + self._rtf_text(str(c)) + "\\cell " for c in r) + "\\row\n")
            parts.append("\\pard\\par\n")
        parts.append("}\n")
        self._add(path, "".join(parts).encode("ascii"), lab, "ascii", "rtf")

    def pdf(self, path, lines, lab):
        """lines: (x, y, text) in points on one A4 page; Japanese in the Adobe-Japan1 font HeiseiKakuGo-W5
        (not embedded, UniJIS-UCS2-H), as PDFs from form software often are."""
        ops = []
        for x, y, text in lines:
            code = "".join(f"{ord(c):04X}" for c in text)
            ops.append(f"BT /F1 10.5 Tf {x} {y} Td <{code}> Tj ET")
        stream = "\n".join(ops).encode("ascii")
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
            b"<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [0 -143 1000 857] /ItalicAngle 0 "
            b"/Ascent 857 /Descent -143 /CapHeight 718 /StemV 80 >>",
        ]
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        self._add(path, bytes(out), lab, "utf-16-be", "pdf")

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
        ("社員番号", col_const(lambda p, r, i: f"E{r.randint(10000, 69999)}")),
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
        lm, jm = rng.choice([("3", "4"), ("9", "10"), ("6", "7")])
        rows.append((y(mid), lm, f"{comps[0]} 一身上の都合により退社"))
        rows.append((y(mid), jm, f"{comps[1]} 入社"))
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
        y0 = max(p.dob.year + 25, 2009)
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
                  ("table", [["年", "月", "免許・資格"]] + [[str(min(p.dob.year + 19 + i * 3, 2023)), str(r.randint(1, 12)), s]
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
                     r.choice(["普通", "普通", "当座"]), L.add("JAPAN_BANK_ACCOUNT", digits(r, 7)), str(amt)])
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
                         ["口座番号", L.add("JAPAN_BANK_ACCOUNT", digits(r, 7))], ["口座名義（カナ）", L.name(p.hankaku(" "))]]),
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
    seen = {"M": 0, "F": 0}
    for k in kids:
        rel = ("長" if seen[k.gender] == 0 else "次") + ("男" if k.gender == "M" else "女")
        seen[k.gender] += 1
        text += f"""　氏名　{L.p_name(k, '　')}　続柄　{rel}
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
送信者: {L.email(c.mail('no-reply'))}

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
    k1, k2 = cl.rep, cl.staff(r)
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


# ---------------------------------------------------------------------------------------
# Theme: billing (請求書, 見積書, 法人番号, card payments)
# ---------------------------------------------------------------------------------------

ITEMS = [("A4コピー用紙 500枚×5冊", 2480), ("トナーカートリッジ（黒）", 12800), ("複合機保守料（4月分）", 15000),
         ("システム保守サポート（月額）", 180000), ("クラウドストレージ 1TB（月額）", 12000), ("出張設定作業費", 45000),
         ("名刺印刷 100枚", 3200), ("封筒 長3 1,000枚", 6800), ("チラシ印刷 A4両面 10,000部", 58000),
         ("常温配送料（4月分）", 86400), ("冷蔵保管料（4月分）", 124000), ("データ分析レポート作成", 250000),
         ("ノートPC キッティング作業", 8500), ("ライセンス費用（年額）", 96000)]


def invoice_items(rng, n):
    out = []
    for name, price in rng.sample(ITEMS, n):
        q = rng.choice([1, 1, 1, 2, 3, 5, 10])
        out.append((name, q, price, q * price))
    sub = sum(x[3] for x in out)
    tax = sub // 10
    return out, sub, tax, sub + tax


def yen(v):
    return f"{v:,}"


def gen_billing(S: EvalSet):
    S.theme = "billing"

    # 1. 請求書 (text) with 登録番号 T + 法人番号
    path = "billing/seikyusho_INV-2024-0412.txt"
    r, L = S.rng(path), Lab()
    iss, cus = company("東和システム"), company("あおぞら商事")
    tanto, cus_p = iss.staff(r), cus.staff(r)
    items, sub, tax, tot = invoice_items(r, 4)
    lines = "\n".join(f"  {n:<28}{q:>4}  {yen(p):>10}  {yen(a):>12}" for n, q, p, a in items)
    S.text(path, f"""                                   請　求　書

                                                     請求書番号：INV-2024-0412
                                                     発行日：2024年4月30日
{cus.name} 御中
経理部 {L.p_name(cus_p)} 様
                                            {iss.name}
                                            〒{iss.addr.postal}
                                            {L.p_addr(iss.addr, style='hyphen')}
                                            TEL {L.p_phone(iss.tel)}  FAX {L.p_phone(iss.fax)}
                                            登録番号：T{L.corp(iss.corp)}
                                            担当：{L.p_name(tanto)}

下記のとおりご請求申し上げます。

  ご請求金額　　　　￥{yen(tot)}－（税込）
  お支払期限　　　　2024年5月31日

  品目                           数量        単価          金額
  --------------------------------------------------------------------
{lines}
  --------------------------------------------------------------------
                                          小計（10%対象）  {yen(sub):>12}
                                          消費税（10%）    {yen(tax):>12}
                                          合計             {yen(tot):>12}

  お振込先：さくらぎ銀行 新宿西口支店 普通 {L.add("JAPAN_BANK_ACCOUNT", digits(r, 7))} トウワシステム（カ
  ※振込手数料は貴社にてご負担ください。
""", L)

    # 2. 見積書 (docx) with 法人番号
    path = "billing/mitsumorisho_Q240418-03.docx"
    r, L = S.rng(path), Lab()
    iss, cus = company("あおぞら商事"), company("ミドリ建設")
    tanto, cus_p = iss.staff(r), cus.staff(r)
    items, sub, tax, tot = invoice_items(r, 3)
    blocks = [("p", "御　見　積　書", {"b": True, "sz": 36, "center": True}),
              ("p", "見積番号：Q240418-03　　見積日：2024年4月18日", {"right": True}),
              ("p", f"{cus.name}　御中"),
              ("p", f"総務部　{L.p_name(cus_p)}　様"),
              ("p", "下記のとおりお見積り申し上げます。"),
              ("p", f"御見積金額　￥{yen(tot)}（税込）", {"b": True, "sz": 28}),
              ("table", [["品名", "数量", "単価", "金額"]] + [[n, str(q), yen(p), yen(a)] for n, q, p, a in items] +
               [["小計", "", "", yen(sub)], ["消費税（10%）", "", "", yen(tax)], ["合計", "", "", yen(tot)]], {"header": True}),
              ("p", "有効期限：見積日より30日間　／　納期：ご発注後 約3週間　／　支払条件：月末締め翌月末払い"),
              ("p", ""),
              ("p", iss.name, {"right": True}),
              ("p", f"〒{iss.addr.postal} {L.p_addr(iss.addr, style='chome')}", {"right": True}),
              ("p", f"TEL {L.p_phone(iss.tel)}　FAX {L.p_phone(iss.fax)}", {"right": True}),
              ("p", f"法人番号 {L.corp(iss.corp)}", {"right": True}),
              ("p", f"担当：法人営業部 {L.p_name(tanto)}（{L.email(tanto.email)}）", {"right": True})]
    S.docx(path, blocks, L, title="御見積書", creator=tanto.kanji(" "))

    # 3. 請求書 (xlsx)
    path = "billing/seikyusho_202403_minato.xlsx"
    r, L = S.rng(path), Lab()
    iss, cus = company("みなと物流"), company("さくらフーズ")
    items, sub, tax, tot = invoice_items(r, 2)
    rows = [["請求書"], [], [f"{cus.name} 御中", "", "", f"発行日 2024/03/31"],
            ["", "", "", iss.name], ["", "", "", L.p_addr(iss.addr, style="hyphen")],
            ["", "", "", f"TEL {L.p_phone(iss.tel)}"], ["", "", "", f"登録番号 T{L.corp(iss.corp)}"], [],
            ["品目", "数量", "単価", "金額"]] + [[n, q, p, a] for n, q, p, a in items] + \
           [[], ["小計", "", "", sub], ["消費税", "", "", tax], ["合計", "", "", tot], [],
            ["お支払期限", "2024/04/30"], ["備考", "請求書番号 202403310087"]]
    S.xlsx(path, [("請求書", rows)], L, title="請求書 2024年3月分", creator="経理部")

    # 4. web invoice page, Shift_JIS HTML, masked card
    path = "billing/solaris_invoice_202404.html"
    r, L = S.rng(path), Lab()
    iss, cus = company("ソラリス"), company("ブルーリーフ")
    adm = cus.staff(r)
    card = gen_card(r, "VISA")
    S.text(path, f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>ご利用明細・請求書 2024年4月分</title>
</head>
<body>
<h1>ご利用明細・請求書（2024年4月分）</h1>
<div class="to">
  <p>{cus.name} 御中<br>ご担当：{L.p_name(adm)} 様</p>
  <p>{L.p_addr(cus.addr, style='chome')}</p>
</div>
<div class="from">
  <p>{iss.name}<br>{L.p_addr(iss.addr, style='hyphen')}<br>
  お問い合わせ：{L.email(iss.mail('billing'))}<br>
  登録番号：T{L.corp(iss.corp)}</p>
</div>
<table border="1">
<tr><th>サービス</th><th>期間</th><th>金額（税抜）</th></tr>
<tr><td>Solaris Pay ビジネスプラン</td><td>2024/04/01〜2024/04/30</td><td>30,000</td></tr>
<tr><td>決済手数料（1,284件）</td><td>2024/04/01〜2024/04/30</td><td>41,088</td></tr>
<tr><td>消費税（10%）</td><td></td><td>7,108</td></tr>
<tr><th>合計（税込）</th><td></td><th>78,196</th></tr>
</table>
<p>お支払方法：クレジットカード（VISA {card_mask(card, 'star')}）にて5月10日に決済予定</p>
<p>アカウントID：acct_5F2c9Q01 ／ 明細番号：2404-000318-77</p>
</body>
</html>""", L, enc="cp932")

    # 5. order confirmation with a FULL card number (bad practice)
    path = "billing/chumon_kakunin_card.txt"
    r, L = S.rng(path), Lab()
    u = make_person(r, 1965, 1998)
    card = gen_card(r, "JCB")
    S.text(path, f"""━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
【注文確認】ご注文ありがとうございます（注文番号 1000248817）
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

{L.p_name(u)} 様

この度は「くらしの雑貨店 こもれび」をご利用いただき誠にありがとうございます。
以下の内容でご注文を承りました。

■ご注文日時　2024年04月07日 13:22
■お届け先
　{L.p_name(u)} 様
　〒{u.addr.postal}
　{L.p_addr(u.addr, style='hyphen')}
　TEL：{L.p_phone(u.mobile, 'hyphen')}

■ご注文内容
　ステンレスボトル 500ml（ネイビー）  JAN:{gen_jan(r)}  2,750円 × 1
　竹製カトラリー5点セット           JAN:{gen_jan(r)}  1,980円 × 2
　小計 6,710円　送料 0円　合計 6,710円（税込）

■お支払方法　クレジットカード（JCB）
　カード番号：{L.card(card_fmt(card, 'hyphen'))}
　有効期限：{r.randint(1, 12):02d}/{r.randint(25, 29)}
　お支払回数：1回

■ご登録メールアドレス　{L.email(u.email)}

商品の発送準備が整い次第、発送完了メールをお送りします。
""", L)

    # 6. payment gateway log (cp932): full, grouped and masked card numbers; transaction IDs fail Luhn
    path = "billing/card_kessai_log_202404.csv"
    r, L = S.rng(path), Lab()
    used = set()
    rows = [["取引ID", "決済日時", "カード番号", "有効期限", "カード名義", "ブランド", "金額", "承認番号", "ステータス"]]
    for i in range(30):
        p = make_person(r, 1960, 2000, used=used)
        brand = r.choice(["VISA", "VISA", "Mastercard", "JCB", "JCB", "AMEX", "Diners"])
        num = gen_card(r, brand)
        mode = r.choice(["plain", "plain", "hyphen", "space", "mask", "mask"])
        shown = card_mask(num, "star") if mode == "mask" else L.card(card_fmt(num, mode))
        rows.append([gen_bad_luhn(r, 16, "24"), f"2024-04-{r.randint(1, 14):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
                     shown, f"{r.randint(1, 12):02d}/{r.randint(25, 30)}", L.name(p.roman("FIRST_LAST")), brand,
                     str(r.randrange(500, 120000, 10)), digits(r, 6), r.choice(["売上確定", "売上確定", "与信のみ", "取消"])])
    S.csv(path, rows, L, enc="cp932")

    # 7. shop receipt with masked card only
    path = "billing/receipt_masked_card.txt"
    r, L = S.rng(path), Lab()
    store_tel = landline(r, REGIONS[20])
    store = make_address(r, REGIONS[20], office=True)
    store.town, store.bldg = "栄", "栄ビル2F"
    card = gen_card(r, "Mastercard")
    S.text(path, f"""        ＊＊ 栄ブックセンター ＊＊
   {L.p_addr(store, style='hyphen', pref=False)}
        TEL {L.p_phone(store_tel, 'hyphen')}

2024年04月13日(土) 15:42  レジ03  責No.0128

文庫 ミステリー                  ¥880
ISBN {gen_isbn13(r)}
新書 ビジネス                    ¥1,045
ISBN {gen_isbn13(r)}
雑誌 月刊カメラ 5月号            ¥1,200
JAN  {gen_jan(r, '491')}
--------------------------------
小計                           ¥3,125
(内消費税等 10%               ¥284)
合計                           ¥3,125
クレジット                     ¥3,125

カード会社   Mastercard
会員番号     {card_mask(card, 'x')}
有効期限     XX/XX
承認番号     {digits(r, 6)}
伝票番号     {digits(r, 5)}
支払区分     一括

ポイントカード  {gen_bad_luhn(r, 16, '9801')[:4]}********{digits(r, 4)}
今回ポイント    31pt

   またのご来店をお待ちしております
""", L)

    # 8. customer sends card details by e-mail
    path = "billing/card_henkou_irai.eml"
    r, L = S.rng(path), Lab()
    c = company("グリーンファーム")
    u = make_person(r, 1948, 1965)
    card = gen_card(r, "JCB")
    body = f"""{c.name} ご担当者様

いつもお世話になっております。定期便を利用している{L.p_name(u, '')}です。
先月カードの有効期限が切れてしまったため、新しいカードに変更をお願いします。
マイページからの変更方法がよくわからなかったので、こちらに書きます。

カード番号　{L.card(card_fmt(card, 'space'))}
有効期限　{r.randint(1, 12):02d}/{r.randint(27, 29)}
名義　{L.name(u.roman('FIRST_LAST'))}

会員番号は {r.randint(100000, 999999)} です。
よろしくお願いいたします。

{L.p_name(u)}
{L.p_phone(u.home, 'hyphen')}"""
    S.eml(path, L, frm=(L.p_name(u), L.email(u.email)), to=[("", L.email(c.mail("support")))],
          subject="クレジットカードの変更をお願いします", date="Sat, 06 Apr 2024 20:14:09 +0900", body=body,
          charset="utf-8-b64", rng=r)

    # 9. supplier master (cp932) with 法人番号 column; sole proprietors have none
    path = "billing/torihikisaki_master.csv"
    r, L = S.rng(path), Lab()
    rows = [["取引先コード", "取引先名", "法人番号", "郵便番号", "所在地", "電話番号", "担当者", "支払条件"]]
    for i, (n, c) in enumerate(COMPANIES.items()):
        p = c.staff(r)
        rows.append([f"S{1001 + i}", n.replace("株式会社", "㈱") if i % 3 == 0 else n, L.corp(c.corp), c.addr.postal,
                     L.p_addr(c.addr, style="hyphen"), L.p_phone(c.tel), L.p_name(p),
                     r.choice(["月末締め翌月末払い", "20日締め翌月10日払い", "都度払い"])])
    for j in range(3):
        p = make_person(r, 1960, 1985)
        rows.append([f"S{1101 + j}", f"{r.choice(['デザイン工房', '翻訳オフィス', '写真スタジオ'])} {L.name(p.sei[0])}", "",
                     p.addr.postal, L.p_addr(p.addr, style="hyphen"), L.p_phone(p.mobile), L.p_name(p), "都度払い"])
    S.csv(path, rows, L, enc="cp932")

    # 10. corporate number search result (public information)
    path = "billing/hojin_bango_kensaku_kekka.tsv"
    r, L = S.rng(path), Lab()
    rows = [["法人番号", "商号又は名称", "本店又は主たる事務所の所在地", "更新年月日"]]
    extra = ["株式会社北辰ホールディングス", "一般社団法人みらい教育振興会", "特定非営利活動法人あおば子育てネット",
             "株式会社ユニバーサル電子", "医療法人社団 健生会"]
    for n, c in list(COMPANIES.items())[:8]:
        rows.append([L.corp(c.corp), n, L.p_addr(c.addr, style="chome", bldg=False), "2023-10-02"])
    for n in extra:
        a = make_address(r, None, office=True)
        rows.append([L.corp(gen_corp(r)), n, L.p_addr(a, style="chome", bldg=False), f"2024-0{r.randint(1, 3)}-1{r.randint(0, 9)}"])
    S.csv(path, rows, L, enc="utf-8", delim="\t", crlf=False)

    # 11. 業務委託契約書 (docx)
    path = "billing/gyomu_itaku_keiyakusho.docx"
    r, L = S.rng(path), Lab()
    a, b = company("ひかりデータ"), company("ブルーリーフ")
    blocks = [("p", "業務委託契約書", {"b": True, "sz": 32, "center": True}),
              ("p", f"{a.name}（以下「甲」という。）と{b.name}（以下「乙」という。）は、次のとおり業務委託契約（以下「本契約」という。）を締結する。"),
              ("p", "第1条（委託業務）", {"b": True}),
              ("p", "甲は、乙に対し、甲の顧客向けデータ分析基盤の運用保守業務（以下「本業務」という。）を委託し、乙はこれを受託する。"),
              ("p", "第2条（契約期間）", {"b": True}),
              ("p", "本契約の有効期間は、2024年4月1日から2025年3月31日までとする。ただし、期間満了の1か月前までにいずれの当事者からも"
                    "書面による別段の申出がないときは、同一条件でさらに1年間更新されるものとし、以後も同様とする。"),
              ("p", "第3条（委託料）", {"b": True}),
              ("p", "甲は乙に対し、本業務の対価として月額金850,000円（消費税別）を、毎月末日締め翌月末日限り、乙の指定する銀行口座に振り込む方法により支払う。"),
              ("p", "第4条（秘密保持）", {"b": True}),
              ("p", "甲及び乙は、本契約に関して知り得た相手方の技術上又は営業上の情報を、相手方の事前の書面による承諾なく第三者に開示又は漏洩してはならない。"),
              ("p", "第5条（個人情報の取扱い）", {"b": True}),
              ("p", "乙は、本業務の遂行に際して甲から預託を受けた個人情報を、個人情報の保護に関する法律その他の関係法令を遵守して取り扱うものとする。"),
              ("p", "本契約締結の証として本書2通を作成し、甲乙記名押印の上、各1通を保有する。"),
              ("p", "2024年3月25日", {"right": True}),
              ("p", f"甲　{L.p_addr(a.addr, style='chome')}"),
              ("p", f"　　{a.name}"),
              ("p", f"　　{a.rep_title}　{L.p_name(a.rep)}　　印"),
              ("p", f"乙　{L.p_addr(b.addr, style='chome')}"),
              ("p", f"　　{b.name}"),
              ("p", f"　　代表社員　{L.p_name(b.rep)}　　印")]
    S.docx(path, blocks, L, title="業務委託契約書", creator="法務部")

    # 12. expense report with corporate card (masked only)
    path = "billing/keihi_seisan_202403.md"
    r, L = S.rng(path), Lab()
    p = make_person(r, 1975, 1995)
    card = gen_card(r, "AMEX")
    S.text(path, f"""# 経費精算書（2024年3月分）

- 申請者：営業部 {L.p_name(p)}
- 申請日：2024年4月3日
- 法人カード：American Express（末尾 {card[-5:]}）

| 日付 | 内容 | 支払方法 | 金額（円） |
|---|---|---|---:|
| 2024/03/04 | 新幹線 東京→新大阪（指定席） | 法人カード | 14,720 |
| 2024/03/04 | ホテル 1泊（大阪・本町） | 法人カード | 12,800 |
| 2024/03/05 | 新幹線 新大阪→東京（指定席） | 法人カード | 14,720 |
| 2024/03/12 | 顧客打合せ 会食（4名） | 法人カード | 28,600 |
| 2024/03/21 | タクシー（虎ノ門→大手町） | 現金 | 1,780 |
| 2024/03/27 | 書籍「データ分析入門」 | 現金 | 3,080 |

**合計：75,700円**

承認：部長 ________　経理 ________
""", L)

    # 13. invoice notification mail, 13-digit invoice number (not a corporate number) + 登録番号
    path = "billing/seikyusho_hakko_tsuchi.eml"
    r, L = S.rng(path), Lab()
    iss, cus = company("こもれび出版"), company("ネクストリテール")
    iss_p, cus_p = iss.staff(r), cus.staff(r)
    inv_no = "2024041" + digits(r, 6)
    body = f"""{cus.name}
{L.p_name(cus_p)} 様

いつもお世話になっております。
{iss.name} 経理部の{L.name(iss_p.sei[0])}です。

2024年4月分のご請求書を発行いたしましたので、PDFをダウンロードのうえご確認ください。

　請求書番号：{inv_no}
　ご請求金額：418,000円（税込）
　お支払期限：2024年5月31日
　適格請求書発行事業者登録番号：T{L.corp(iss.corp)}

ダウンロードURL（有効期限 14日間）：
https://invoice.{iss.domain}/d/{inv_no}?k=3f9a1c

ご不明な点がございましたら、{L.email(iss.mail('keiri'))} までご連絡ください。

{iss.name} 経理部
{L.p_name(iss_p)}
TEL {L.p_phone(iss.tel)}"""
    S.eml(path, L, frm=(L.p_name(iss_p), L.email(iss_p.email)), to=[(L.p_name(cus_p), L.email(cus_p.email))],
          subject="【こもれび出版】2024年4月分 ご請求書発行のお知らせ", date="Tue, 30 Apr 2024 10:30:00 +0900",
          body=body, charset="iso-2022-jp", rng=r)

    # 14. card update confirmation page (masked)
    path = "billing/card_update_complete.html"
    r, L = S.rng(path), Lab()
    u = make_person(r, 1975, 2000)
    card = gen_card(r, "VISA")
    S.text(path, f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>お支払い方法の変更完了</title></head>
<body>
<h2>お支払い方法の変更が完了しました</h2>
<p>{L.p_name(u)} 様</p>
<dl>
  <dt>登録カード</dt><dd>VISA {card_mask(card, 'star')}</dd>
  <dt>有効期限</dt><dd>**/**</dd>
  <dt>次回請求日</dt><dd>2024年5月1日</dd>
  <dt>通知先メールアドレス</dt><dd>{L.email(u.email)}</dd>
</dl>
<p>受付番号：{digits(r, 4, True)}-{digits(r, 4)}-{digits(r, 4)}</p>
</body></html>""", L)

    # 15. English card statement with a full Amex number
    path = "billing/card_statement_en.txt"
    r, L = S.rng(path), Lab()
    u = make_person(r, 1970, 1990)
    u.addr = en_address(r)
    card = gen_card(r, "AMEX")
    S.text(path, f"""SOLARIS CARD - MONTHLY STATEMENT
Statement date: 15 Apr 2024                      Payment due: 10 May 2024

Cardmember:   {L.name(u.roman('LAST_FIRST'))}
Card number:  {L.card(card_fmt(card, 'space'))}
Address:      {L.addr(addr_en_fmt(u.addr))}
Phone:        {L.p_phone(u.mobile, 'intl')}

Date        Description                              Amount (JPY)
----------  ---------------------------------------  ------------
2024-03-18  AMAZON MARKETPLACE                              4,280
2024-03-21  JR EAST SUICA CHARGE                            5,000
2024-03-29  HOTEL GRANVIA KYOTO                            23,100
2024-04-02  UBER EATS                                       2,960
2024-04-09  NETFLIX.COM                                     1,490

Previous balance      48,310
Payments             -48,310
New charges           36,830
New balance           36,830
Minimum payment        3,000

Reference: {card_fmt(gen_bad_luhn(r, 16, '0415'), 'hyphen')}
""", L)


# ---------------------------------------------------------------------------------------
# Theme: confidential documents (markers, few or no personal data)
# ---------------------------------------------------------------------------------------

def gen_confidential(S: EvalSet):
    S.theme = "confidential"

    # 1. long design spec, 社外秘, author and reviewers
    path = "confidential/zaiko_hikiate_api_design_v2.md"
    r, L = S.rng(path), Lab()
    used = set()
    auth, rev1, rev2 = (make_person(r, 1975, 1995, used=used) for _ in range(3))
    endpoints = []
    for ep, desc in [("POST /v2/allocations", "在庫引当の登録"), ("GET /v2/allocations/{id}", "引当状況の参照"),
                     ("DELETE /v2/allocations/{id}", "引当の取消"), ("POST /v2/allocations/{id}/confirm", "引当の確定（出荷指示連携）"),
                     ("GET /v2/stocks?sku={sku}", "SKU単位の有効在庫照会")]:
        endpoints.append(f"| `{ep}` | {desc} | 200 / 400 / 404 / 409 |")
    errs = "\n".join(f"| {c} | {m} |" for c, m in [("E1001", "SKUが存在しない"), ("E1002", "引当数量が有効在庫を超過"),
                                                  ("E1003", "倉庫コード不正"), ("E2001", "引当IDが存在しない"),
                                                  ("E2002", "確定済みの引当は取消不可"), ("E9000", "内部エラー（リトライ可）")])
    S.text(path, f"""**{L.conf('社外秘')}** ― 本資料の社外への持ち出し・転送を禁じます。

# 在庫引当API 詳細設計書 v2.3

| 項目 | 内容 |
|---|---|
| 文書番号 | DSN-INV-0042 |
| 版数 | 2.3 |
| 作成者 | 基盤開発部 {L.p_name(auth)} |
| レビュー | {L.p_name(rev1)}、{L.p_name(rev2)} |
| 最終更新 | 2024-03-28 |

## 改訂履歴

| 版 | 日付 | 内容 | 担当 |
|---|---|---|---|
| 1.0 | 2023-06-12 | 初版 | {L.name(auth.sei[0])} |
| 2.0 | 2023-11-20 | v2 APIへの移行（非同期確定の追加） | {L.name(auth.sei[0])} |
| 2.1 | 2024-01-15 | エラーコード体系の見直し | {L.name(rev1.sei[0])} |
| 2.3 | 2024-03-28 | タイムアウト値とリトライ方針を更新 | {L.name(auth.sei[0])} |

## 1. 概要

本書は、受注システム（OMS）から倉庫管理システム（WMS）に対して在庫を引き当てるためのAPIの詳細設計を定める。
v1 APIは2024年9月30日をもって廃止予定であり、それまでは両バージョンを並行稼働させる。

## 2. システム構成

- API Gateway: Kong 3.6.1（内部ロードバランサ 10.12.0.10 / 10.12.0.11）
- アプリケーション: Java 21 / Spring Boot 3.2.4、コンテナ 4 台（オートスケール上限 12 台）
- データベース: PostgreSQL 15.6（プライマリ 10.12.8.21、リードレプリカ 10.12.8.22）
- メッセージング: Apache Kafka 3.7.0（トピック `inventory.allocation.v2`、パーティション数 24）

## 3. エンドポイント一覧

| エンドポイント | 概要 | ステータス |
|---|---|---|
{chr(10).join(endpoints)}

## 4. リクエスト例

```json
{{
  "orderId": "ORD-20240328-000187",
  "warehouseCode": "TKY-02",
  "lines": [
    {{"sku": "4901234567894", "quantity": 3}},
    {{"sku": "4909876543213", "quantity": 1}}
  ],
  "requestedAt": "2024-03-28T10:15:00+09:00"
}}
```

`sku` にはJANコード（13桁）を設定する。社内品番（例：AB-0312-3456）は受け付けない。

## 5. 排他制御

同一SKUに対する同時引当は、`stock` テーブルの行ロック（`SELECT ... FOR UPDATE`）で直列化する。
ロック待ちが 3,000 ミリ秒を超えた場合は `409 Conflict`（E1002）を返し、呼び出し側で指数バックオフ
（初回 200ms、最大 5 回）によるリトライを行う。

## 6. エラーコード

| コード | 内容 |
|---|---|
{errs}

## 7. 非機能要件

- スループット：ピーク時 1,200 リクエスト/秒（セール時 3,000 リクエスト/秒）
- レイテンシ：p95 で 150ms 以内、p99 で 400ms 以内
- 可用性：月間 99.95% 以上
- ログ保管：アクセスログ 400 日、監査ログ 7 年

## 8. 未決事項

1. 倉庫間移動中在庫を引当対象に含めるか（4/10 の定例で決定予定）
2. 予約商品の引当タイミング（受注時／入荷時）
3. v1 API 利用中の外部連携先 3 社への移行通知スケジュール

以上
""", L)

    # 2. English roadmap, Internal Only
    path = "confidential/product_roadmap_fy2024.txt"
    r, L = S.rng(path), Lab()
    S.text(path, f"""{L.conf('Internal Only')} - do not forward outside the company

PRODUCT ROADMAP FY2024 (April 2024 - March 2025)
Version 0.9 draft, last updated 2024-03-29

Q1 (Apr-Jun)
  - Release 5.2: SSO with SAML 2.0 and SCIM provisioning
  - Mobile app 3.0 for iOS 17 / Android 14
  - Deprecate API v1 endpoints (announce only)
Q2 (Jul-Sep)
  - Release 5.3: audit log export to S3 and Azure Blob
  - Data residency option for the Osaka region
  - Price revision for the Standard plan (+8%)
Q3 (Oct-Dec)
  - Release 6.0: new reporting engine, up to 10x faster on tables > 50M rows
  - Partner marketplace beta (target: 15 partners)
Q4 (Jan-Mar)
  - Release 6.1: AI-assisted classification (preview)
  - ISMS (ISO/IEC 27001:2022) surveillance audit

Risks
  * Hiring: 6 of 11 planned engineering positions still open.
  * Reporting engine depends on the storage migration finishing by 2024-08-31.

{L.conf('Internal Only')}
""", L)

    # 3. board material (docx), 極秘
    path = "confidential/keiei_kaigi_shiryo_20240422.docx"
    r, L = S.rng(path), Lab()
    c = company("日本テックソリューションズ")
    used = set()
    pres, cfo = make_person(r, 1960, 1975, used=used), make_person(r, 1960, 1975, used=used)
    blocks = [("p", L.conf("極秘"), {"b": True, "right": True}),
              ("p", "臨時経営会議資料", {"b": True, "sz": 32, "center": True}),
              ("p", f"2024年4月22日　経営企画室　説明者：執行役員 {L.p_name(pres)}", {"right": True}),
              ("p", "1. 2024年度 第1四半期 業績見通し", {"b": True}),
              ("table", [["区分", "期初計画", "見通し", "差異"], ["売上高", "4,820百万円", "4,655百万円", "▲165百万円"],
                         ["営業利益", "512百万円", "438百万円", "▲74百万円"], ["受注残", "9,140百万円", "9,380百万円", "＋240百万円"]],
               {"header": True}),
              ("p", "大型案件2件の検収が7月にずれ込む見込みであり、第1四半期の売上高は計画を3.4%下回る。通期見通しは据え置く。"),
              ("p", "2. 物流子会社の事業再編について", {"b": True}),
              ("p", "子会社の倉庫事業を2024年10月1日付で外部パートナーへ譲渡し、配送管理システム事業に経営資源を集中する。"
                    "譲渡価額は簿価を上回る見込みで、特別利益として約120百万円を計上する予定。従業員43名は転籍を基本とする。"),
              ("p", f"財務面の詳細は取締役CFO {L.p_name(cfo)} より補足する。"),
              ("p", "3. 今後のスケジュール", {"b": True}),
              ("p", "5月15日 取締役会決議、5月16日 適時開示、6月末 基本合意書締結、9月末 最終契約締結。"),
              ("p", f"本資料は{L.conf('極秘')}につき、会議終了後に回収します。", {"b": True})]
    S.docx(path, blocks, L, title="臨時経営会議資料", creator="経営企画室")

    # 4. API reference page, Confidential footer, no personal data
    path = "confidential/partner_api_reference.html"
    r, L = S.rng(path), Lab()
    S.text(path, f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Partner API Reference v3.1.0</title></head>
<body>
<h1>Partner API Reference <small>v3.1.0</small></h1>
<p>Base URL: <code>https://api.partner.example.com/v3</code> (sandbox: <code>https://sandbox.partner.example.com/v3</code>)</p>
<h2>Authentication</h2>
<p>Use OAuth 2.0 client credentials. Tokens expire after 3600 seconds. Requests from IP addresses other than
the registered ranges (e.g. 198.51.100.0/24) are rejected with HTTP 403.</p>
<h2>Endpoints</h2>
<table border="1">
<tr><th>Method</th><th>Path</th><th>Description</th><th>Rate limit</th></tr>
<tr><td>GET</td><td>/orders/{{orderId}}</td><td>Retrieve an order</td><td>600/min</td></tr>
<tr><td>POST</td><td>/orders</td><td>Create an order</td><td>120/min</td></tr>
<tr><td>GET</td><td>/shipments?trackingNo=</td><td>Shipment status by tracking number (12 digits)</td><td>600/min</td></tr>
<tr><td>POST</td><td>/webhooks</td><td>Register a webhook endpoint</td><td>10/min</td></tr>
</table>
<h2>Example</h2>
<pre>
curl -H "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwYXJ0bmVyLTAwMTIifQ.c2lnbmF0dXJl" \\
     https://api.partner.example.com/v3/orders/100024881732

{{"orderId":"100024881732","status":"SHIPPED","trackingNo":"4821-7730-1946","items":[{{"jan":"4901234567894","qty":2}}]}}
</pre>
<h2>Changelog</h2>
<ul><li>3.1.0 (2024-03-01): added <code>trackingNo</code> filter</li><li>3.0.2 (2023-12-11): bug fixes</li></ul>
<hr>
<footer>{L.conf('Confidential')} &mdash; for contracted partners only. &copy; 2024 Hikari Data Service Inc.</footer>
</body>
</html>""", L)

    # 5. performance evaluations (xlsx), 部外秘
    path = "confidential/jinji_hyoka_2023_kaihatsu.xlsx"
    r, L = S.rng(path), Lab()
    used = set()
    rows = [[L.conf("部外秘")], ["2023年度 下期 人事評価結果（開発部）"], [],
            ["社員番号", "氏名", "等級", "業績評価", "行動評価", "総合", "一次評価者", "コメント"]]
    mgr = make_person(r, 1968, 1980, used=used)
    comments = ["期待を上回る成果。後輩指導も積極的。", "期初目標は概ね達成。", "納期遅延が2件あり改善を期待。",
                "新規顧客対応で高い評価を得た。", "技術面は優秀だが、報告の頻度に課題。", ""]
    for i in range(14):
        p = make_person(r, 1975, 2000, used=used)
        rows.append([f"{r.randint(100000, 399999)}", L.p_name(p), r.choice(["G3", "G4", "G4", "G5", "M1"]),
                     r.choice("SAABBBC"), r.choice("AABBBC"), r.choice("SAABBC"), L.p_name(mgr), r.choice(comments)])
    S.xlsx(path, [("評価結果", rows)], L, title="人事評価結果", creator="人事部")

    # 6. project memo in EUC-JP, 関係者外秘
    path = "confidential/project_sakura_memo_eucjp.txt"
    r, L = S.rng(path), Lab()
    used = set()
    mem = [make_person(r, 1965, 1990, used=used) for _ in range(4)]
    S.text(path, f"""【{L.conf('関係者外秘')}】プロジェクト「さくら」打合せメモ

日時：2024年3月14日（木）16:00〜17:30
場所：本社15階 小会議室C
出席：{L.p_name(mem[0])}（PM）、{L.p_name(mem[1])}、{L.p_name(mem[2])}、{L.p_name(mem[3])}
記録：{L.name(mem[2].sei[0])}

1. 対象会社の状況
　・直近期の売上高は約38億円、営業利益率は6%台で推移。
　・主要取引先上位3社で売上の55%を占めており、集中リスクが高い。
2. デューデリジェンス
　・財務DDは4月8日から3週間の予定。法務DDは並行して実施。
　・情報システムの統合コストは概算2.4億円（前回試算から+0.3億円）。
3. 今後の予定
　・3月28日　取締役会へ中間報告
　・4月下旬　意向表明書の提出判断

※本メモの内容は、プロジェクトメンバー以外に開示しないこと。
""", L, enc="euc_jp")

    # 7. incident report, 取扱注意
    path = "confidential/incident_report_2024-003.md"
    r, L = S.rng(path), Lab()
    rep = make_person(r, 1980, 1995)
    S.text(path, f"""# セキュリティインシデント報告書（{L.conf('取扱注意')}）

- 管理番号：SIR-2024-003
- 報告者：情報システム部 {L.p_name(rep)}
- 報告日：2024年4月5日
- 重大度：中

## 概要

2024年4月3日、業務委託先の作業用端末から、顧客管理システムの検証環境に対して
不審なログイン試行（約4,800回）が確認された。検証環境には本番データのマスキング済みコピー
（約32,000件）が格納されていたが、現時点で外部へのデータ持ち出しは確認されていない。

## タイムライン

| 日時 | 事象 |
|---|---|
| 2024-04-03 02:14 | 203.0.113.77 から SSH ログイン試行が急増（WAF検知） |
| 2024-04-03 02:31 | 監視当番が一次対応、送信元IPを遮断 |
| 2024-04-03 09:10 | 委託先へ端末の調査を依頼 |
| 2024-04-04 17:45 | 委託先端末からマルウェア（情報窃取型）を検出 |
| 2024-04-05 10:00 | 経営層へ報告 |

## 影響範囲

- 検証環境 stg-crm-01（10.30.2.15）、stg-crm-02（10.30.2.16）
- 本番環境への影響：なし（ネットワーク分離を確認済み）

## 再発防止策

1. 委託先端末の EDR 導入を契約条件に追加
2. 検証環境への接続を踏み台サーバ経由に限定
3. マスキング処理の対象項目を見直し（電話番号・生年月日を追加）

以上
""", L)

    # 8. English M&A memo, Strictly Confidential, company names only
    path = "confidential/project_falcon_memo_en.txt"
    r, L = S.rng(path), Lab()
    S.text(path, f"""{L.conf('STRICTLY CONFIDENTIAL')}
MEMORANDUM

To:      Investment Committee
From:    Corporate Development
Date:    8 April 2024
Re:      Project Falcon - preliminary valuation

1. Background
Project Falcon concerns the potential acquisition of a mid-sized logistics software vendor
headquartered in Osaka (FY2023 revenue JPY 3.8bn, EBITDA JPY 610m, 214 employees).

2. Valuation
A DCF analysis (WACC 8.5%, terminal growth 1.5%) indicates an enterprise value range of
JPY 6.9bn - 8.2bn. Trading multiples of listed peers (EV/EBITDA 10.2x - 13.5x) support the
upper half of the range.

3. Next steps
- Management presentation: 22 April 2024
- Non-binding offer deadline: 17 May 2024
- Exclusivity period sought: 60 days

This memorandum is {L.conf('strictly confidential')} and intended solely for the Investment Committee.
""", L)

    # 9. pricing strategy CSV with 社外秘 banner row
    path = "confidential/kakaku_senryaku_2024ka.csv"
    r, L = S.rng(path), Lab()
    rows = [[f"【{L.conf('社外秘')}】2024年夏 価格改定案（営業本部限り）"], [],
            ["型番", "商品名", "JANコード", "現行価格", "改定案", "改定率", "競合価格帯"]]
    for i in range(15):
        cur = r.randrange(1980, 39800, 100)
        new = int(cur * r.choice([1.0, 1.05, 1.08, 1.1]) // 10 * 10)
        rows.append([f"{r.choice(['AB', 'KX', 'TR'])}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}",
                     r.choice(["電動歯ブラシ", "電気ケトル", "ハンディ掃除機", "加湿器", "LEDデスクライト", "コーヒーメーカー"]) + f" {r.choice(['S', 'M', 'Pro', 'Lite'])}",
                     gen_jan(r), str(cur), str(new), f"{(new / cur - 1) * 100:.1f}%", f"{int(cur * 0.9)}〜{int(cur * 1.15)}"])
    S.csv(path, rows, L, enc="cp932")

    # 10. new product plan (docx), CONFIDENTIAL in upper case, author name
    path = "confidential/shinseihin_kikaku_HX200.docx"
    r, L = S.rng(path), Lab()
    auth = make_person(r, 1980, 1995)
    blocks = [("p", L.conf("CONFIDENTIAL"), {"b": True, "right": True}),
              ("p", "新製品企画書　HX-200（仮称）", {"b": True, "sz": 32, "center": True}),
              ("p", f"商品企画部　{L.p_name(auth)}　／　2024年2月20日　第1.2版", {"right": True}),
              ("p", "1. 企画の背景", {"b": True}),
              ("p", "在宅勤務の定着により、家庭用の高性能空気清浄機の需要が拡大している。当社の既存製品HX-100は"
                    "発売から4年が経過し、競合他社の新製品に対して静音性とアプリ連携の点で劣後している。"),
              ("p", "2. 製品コンセプト", {"b": True}),
              ("p", "「24時間つけっぱなしでも気にならない」静音性（最小運転音 18dB）と、スマートフォンからの遠隔操作を両立する。"),
              ("table", [["項目", "HX-100（現行）", "HX-200（企画）"], ["適用床面積", "〜25畳", "〜32畳"],
                         ["最小運転音", "24dB", "18dB"], ["想定売価", "39,800円", "44,800円"], ["発売時期", "2020年9月", "2024年10月"]],
               {"header": True}),
              ("p", "3. 販売計画", {"b": True}),
              ("p", "初年度販売台数 48,000台、売上高 約21億円を計画する。主要販路は家電量販店（60%）、EC（40%）。")]
    S.docx(path, blocks, L, title="新製品企画書 HX-200", creator=auth.kanji(" "))


# ---------------------------------------------------------------------------------------
# Theme: news / press (hard negatives, except real contact details in press releases)
# ---------------------------------------------------------------------------------------

def gen_news(S: EvalSet):
    S.theme = "news_press"

    path = "news/leak_article_20240315.txt"
    S.text(path, """顧客情報最大12万件流出の可能性　通販大手、不正アクセス受け
2024年3月15日 18:30

　通信販売大手のホシノ通販（本社・東京都港区）は15日、同社のオンラインショップが外部から不正アクセスを受け、顧客の氏名、住所、電話番号、生年月日、メールアドレスなど最大12万4,318件の個人情報が流出した可能性があると発表した。クレジットカード情報は外部の決済代行会社で管理しているため、流出していないとしている。

　同社によると、2月28日午前2時ごろ、監視システムがサーバーへの不審な通信を検知した。外部の専門機関による調査の結果、1月10日から2月28日までの間に、攻撃者がウェブアプリケーションの脆弱性を悪用して顧客データベースに侵入した痕跡が見つかった。流出した情報が悪用されたという報告は、現時点では確認されていないという。

　同社は個人情報保護委員会に報告するとともに、警視庁に被害を相談している。対象となる顧客には3月18日から順次メールで連絡し、専用の問い合わせ窓口を設置した。

　同社の広報担当者は「お客様に多大なご心配とご迷惑をおかけし、深くおわび申し上げる。再発防止に全力を挙げる」とコメントした。社長ら役員3人は月額報酬の30％を3か月間返上する。

　ホシノ通販は1998年創業で、2023年2月期の売上高は約486億円。会員数は約310万人に上る。

　個人情報保護法は2022年4月の改正で、1,000人を超える個人データの漏えいや、不正アクセスなど不正の目的による漏えいが発生した場合、委員会への報告と本人への通知を事業者に義務付けている。

（経済部）
""", Lab())

    path = "news/card_leak_news_sjis.txt"
    S.text(path, """【ニュース】ECサイトでカード情報最大2万8千件流出か　不正利用は約140件

　雑貨販売のミナミ生活雑貨（大阪市）は4月2日、運営するECサイトが第三者による不正アクセスを受け、2023年11月1日から2024年1月31日までの間に同サイトで商品を購入した顧客のクレジットカード情報、最大2万8,106件が流出した可能性があると発表した。

　流出した可能性があるのは、カード名義人名、カード番号、有効期限、セキュリティコード。このうち約140件で不正利用の疑いがあり、被害総額は約1,200万円に上るという。決済画面が改ざんされ、入力されたカード情報が外部に送信される仕組みが埋め込まれていた。

　同社は1月31日にカード会社からの指摘を受けてカード決済を停止し、2月から第三者調査機関による調査を進めていた。調査結果は3月22日に確定したが、カード会社との調整のため公表が遅れたと説明している。

　対象の顧客には、カード会社を通じて利用明細の確認を呼びかけるほか、カードの差し替えに伴う手数料は同社が負担する。サイトは4月中旬にセキュリティ対策を強化したうえで再開する予定。

　経済産業省は2025年3月末までに、すべてのEC加盟店に対してカード情報保護のための脆弱性対策や不正ログイン対策を求める方針を示している。
""", Lab(), enc="cp932", crlf=True)

    path = "news/press_release_shinseihin.html"
    r, L = S.rng(path), Lab()
    c = company("さくらフーズ")
    pr = c.staff(r)
    S.text(path, f"""<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><title>ニュースリリース｜{c.name}</title></head>
<body>
<article>
<p class="date">2024年4月10日</p>
<p class="company">{c.name}</p>
<h1>国産米粉100％のグルテンフリー焼き菓子シリーズ「こめはな」を5月1日に新発売</h1>
<p>{c.name}（本社：{L.p_addr(c.addr, style='chome')}、代表取締役社長：{L.p_name(c.rep)}）は、国産米粉を100％使用したグルテンフリーの焼き菓子シリーズ「こめはな」全6品を、2024年5月1日より全国のスーパーマーケットおよび当社オンラインショップで発売いたします。</p>
<h2>商品概要</h2>
<table border="1">
<tr><th>商品名</th><th>内容量</th><th>希望小売価格（税込）</th><th>JANコード</th></tr>
<tr><td>こめはな クッキー プレーン</td><td>8枚</td><td>324円</td><td>{gen_jan(r, '4571')}</td></tr>
<tr><td>こめはな クッキー 抹茶</td><td>8枚</td><td>324円</td><td>{gen_jan(r, '4571')}</td></tr>
<tr><td>こめはな マドレーヌ</td><td>5個</td><td>540円</td><td>{gen_jan(r, '4571')}</td></tr>
</table>
<h2>開発の背景</h2>
<p>当社が2023年に実施した調査では、回答者の約23％が「小麦の摂取を控えたい」と回答しました。こうしたニーズに応えるため、2年間の開発期間をかけ、米粉でもしっとりとした食感を実現しました。</p>
<h2>本件に関するお問い合わせ先</h2>
<p>{c.name} 広報部　担当：{L.p_name(pr)}<br>
TEL：{L.p_phone(c.tel)}　E-mail：<a href="mailto:{L.email(c.mail('pr'))}">{c.mail('pr')}</a></p>
</article>
</body>
</html>""", L)

    path = "news/press_release_kessan_tanshin.txt"
    S.text(path, """2024年5月14日
各位
　　　　　　　　　　　　　　　　　　　　　　　　会社名　株式会社テラネクスト
　　　　　　　　　　　　　　　　　　　　　　　　（コード番号：4012　東証プライム）

2024年3月期 決算短信に関するお知らせ

　当社は、本日開催の取締役会において、2024年3月期（2023年4月1日〜2024年3月31日）の連結業績について決議いたしましたので、下記のとおりお知らせいたします。

1. 連結経営成績
　売上高　　　　　　 82,415百万円（前期比 ＋7.8％）
　営業利益　　　　　　6,032百万円（前期比 ＋12.1％）
　経常利益　　　　　　6,218百万円（前期比 ＋10.4％）
　親会社株主に帰属する当期純利益　4,101百万円（前期比 ＋9.6％）
　1株当たり当期純利益　　　　　　 118.42円

2. 配当の状況
　年間配当金は1株当たり40円（中間20円、期末20円）とし、前期から8円の増配といたします。

3. 2025年3月期の業績予想
　売上高 88,000百万円、営業利益 6,600百万円を見込んでおります。

　詳細は当社ウェブサイト（https://www.terranext.example.co.jp/ir/）をご覧ください。
以上
""", Lab())

    path = "news/kaisha_gaiyou.md"
    r, L = S.rng(path), Lab()
    c = company("高橋製作所")
    S.text(path, f"""# 会社概要

| 項目 | 内容 |
|---|---|
| 商号 | {c.name}（{c.en}） |
| 設立 | 1962年4月1日 |
| 資本金 | 9,800万円 |
| 代表者 | {c.rep_title} {L.p_name(c.rep)} |
| 所在地 | 〒{c.addr.postal} {L.p_addr(c.addr, style='chome', bldg=False)} |
| 電話番号 | {L.p_phone(c.tel)} |
| 法人番号 | {L.corp(c.corp)} |
| 従業員数 | 286名（2024年4月1日現在） |
| 事業内容 | 自動車用精密プレス部品の設計・製造、金型の設計・製作 |
| 取引銀行 | あいち中央銀行、ひので銀行 |
| 認証 | ISO 9001:2015、IATF 16949:2016、ISO 14001:2015 |

## 沿革

- 1962年4月　創業者が豊田市内でプレス加工業を創業
- 1975年10月　株式会社に改組
- 1991年6月　第二工場を新設
- 2008年3月　タイ・バンコクに現地法人を設立
- 2023年11月　電動車向けモーターコア部品の量産を開始
""", L)


# ---------------------------------------------------------------------------------------
# Theme: catalogues, orders and logistics (hard negatives: JAN, ISBN, order/tracking numbers)
# ---------------------------------------------------------------------------------------

PRODUCTS = ["ステンレスボトル 500ml", "電気ケトル 1.0L", "LEDデスクライト", "ワイヤレスマウス", "USB-C 充電器 65W",
            "コーヒーメーカー 5杯用", "加湿器 スチーム式", "ハンディ掃除機", "電動歯ブラシ", "体重体組成計",
            "モバイルバッテリー 10000mAh", "Bluetoothスピーカー", "キッチンスケール", "トースター 2枚焼き",
            "ドライヤー 速乾", "延長コード 3m", "ノイズキャンセリングイヤホン", "ホットプレート"]


def phone_shaped_code(r):
    k = r.randrange(3)
    if k == 0:
        return f"0{r.randint(3, 6)}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"
    if k == 1:
        return f"0{r.randint(11, 99)}-{r.randint(100, 999)}-{r.randint(1000, 9999)}"
    return f"0{r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}"


def gen_catalog_orders(S: EvalSet):
    S.theme = "catalog_orders"
    E = Lab

    path = "catalog/shohin_master_jan.csv"
    r = S.rng(path)
    rows = [["商品コード", "商品名", "JANコード", "型番", "入数", "標準価格", "発売日"]]
    for i in range(30):
        rows.append([f"SK-{10200 + i * 7}", r.choice(PRODUCTS), gen_jan(r),
                     f"{r.choice(['AB', 'KX', 'TR', 'HX'])}-{r.randint(1000, 9999):04d}-{r.randint(1000, 9999)}",
                     str(r.choice([1, 6, 12, 24])), str(r.randrange(980, 29800, 10)), fmt_date(rand_date(r, 2019, 2023), "slash")])
    S.csv(path, rows, E(), enc="cp932")

    path = "catalog/zaiko_shoseki_isbn.tsv"
    r = S.rng(path)
    titles = ["はじめてのデータ分析", "現場で使えるSQL入門", "図解 物流のしくみ", "小さな会社の経理入門", "クラウド設計パターン",
              "やさしい統計学", "日本の城めぐり", "季節の和菓子手帖", "ゼロから学ぶネットワーク", "プロジェクトマネジメント実践",
              "暮らしの中の気象学", "世界の鉄道旅行", "中学数学をもう一度", "猫と暮らす本", "はじめての家庭菜園"]
    rows = [["ISBN", "書名", "出版社", "発行年", "本体価格", "在庫数", "棚番号"]]
    for t in titles:
        isbn = gen_isbn13(r)
        shown = isbn if r.random() < 0.5 else f"{isbn[:3]}-{isbn[3]}-{isbn[4:7]}-{isbn[7:12]}-{isbn[12]}"
        rows.append([shown, t, r.choice(["こもれび出版", "青葉書房", "みなと社", "技術評論舎"]), str(r.randint(2015, 2024)),
                     str(r.randrange(1200, 3800, 100)), str(r.randint(0, 40)), f"{r.choice('ABCDE')}-{r.randint(1, 12):02d}-{r.randint(1, 6)}"])
    S.csv(path, rows, E(), enc="utf-8", delim="\t", crlf=False)

    path = "catalog/buhinhyo_BOM_HX200.csv"
    r = S.rng(path)
    parts = ["六角ボルト M6×20", "平ワッシャー M6", "ファンモーター φ120", "フィルター枠", "制御基板 Rev.C", "電源ユニット 24V",
             "温湿度センサー", "前面パネル", "背面カバー", "ゴム脚", "ハーネス 300mm", "操作スイッチ基板", "LED表示部"]
    rows = [["No", "部品番号", "品名", "材質", "数量", "単位", "図面番号", "手配先"]]
    for i, pt in enumerate(parts):
        rows.append([str(i + 1), phone_shaped_code(r), pt, r.choice(["SUS304", "ABS", "PC", "SPCC", "FR-4", "EPDM", "-"]),
                     str(r.choice([1, 2, 4, 8])), "個", f"DWG-2024-{r.randint(1, 999):04d}", r.choice(["内製", "購入品", "外注"])])
    S.csv(path, ([["部品表（BOM）", "製品：HX-200 試作2号機", "", "", "", "", "", "作成日 2024/02/27"]] + rows), E(),
          enc="utf-8", crlf=True)

    path = "catalog/kakaku_hyou_2024.md"
    r = S.rng(path)
    lines = ["# 2024年度 標準価格表", "", "2024年4月1日改定。価格はすべて税抜です。", "",
             "| 品番 | 品名 | 標準価格 | 代理店価格 | 最小ロット |", "|---|---|---:|---:|---:|"]
    for i in range(20):
        p = r.randrange(1500, 98000, 100)
        lines.append(f"| {r.choice(['KX', 'TR'])}-0{r.randint(100, 999)}-{r.randint(1000, 9999)} | {r.choice(PRODUCTS)} | "
                     f"{p:,}円 | {int(p * 0.72):,}円 | {r.choice([1, 10, 50, 100])} |")
    lines += ["", "※ 送料は1配送先あたり 1,200円（税抜 30,000円以上で無料）。", "※ 改定前の価格での受注は2024年3月29日受付分までとします。"]
    S.text(path, "\n".join(lines), E())

    path = "catalog/product_catalog_page.html"
    r = S.rng(path)
    cards = []
    for i in range(8):
        cards.append(f"""  <div class="item">
    <h3>{r.choice(PRODUCTS)}</h3>
    <p>型番：{r.choice(['HX', 'AB'])}-{r.randint(1000, 9999)}　JAN：{gen_jan(r)}</p>
    <p>サイズ：W{r.randint(80, 300)}×D{r.randint(60, 250)}×H{r.randint(40, 350)}mm　質量：約{r.randint(2, 40) * 50}g</p>
    <p class="price">¥{r.randrange(1980, 29800, 100):,}（税込）</p>
  </div>""")
    S.text(path, f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>2024 春夏 総合カタログ</title></head>
<body>
<h1>2024 春夏 総合カタログ</h1>
<p>掲載商品の仕様・価格は2024年3月1日現在のものです。</p>
<div class="grid">
{chr(10).join(cards)}
</div>
<p>カタログ番号 CTL-2024SS-01 / 改訂 v1.3.2</p>
</body></html>""", E())

    path = "catalog/kyu_catalog_1998_eucjp.txt"
    r = S.rng(path)
    lines = ["平成10年度版　業務用厨房機器カタログ（抜粋）", "", "品番　　　　　品名　　　　　　　　　　定価（円）　重量"]
    for i in range(16):
        lines.append(f"K-{r.randint(100, 999)}-{r.randint(10, 99)}　{r.choice(['業務用炊飯器 5升', 'ガスフライヤー', '製氷機 25kg', '冷蔵ショーケース', '食器洗浄機', 'スープケトル'])}　"
                     f"{r.randrange(48000, 980000, 1000):,}　{r.randint(8, 120)}kg")
    lines += ["", "※価格は消費税（5%）を含みません。", "※平成10年4月1日より適用。"]
    S.text(path, "\n".join(lines), E(), enc="euc_jp")

    path = "orders/chumon_rireki_202403.csv"
    r = S.rng(path)
    rows = [["注文番号", "注文日時", "顧客ID", "商品コード", "数量", "金額", "支払方法", "配送ステータス"]]
    for i in range(40):
        n = r.choice([14, 15, 16, 16])
        rows.append([digits(r, n, True), f"2024/03/{r.randint(1, 31):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                     f"U{r.randint(1000000, 9999999)}", f"SK-{r.randint(10200, 10500)}", str(r.randint(1, 4)),
                     str(r.randrange(980, 58000, 10)), r.choice(["クレジットカード", "コンビニ払い", "代金引換", "後払い"]),
                     r.choice(["出荷済", "出荷済", "配達完了", "キャンセル"])])
    S.csv(path, rows, E(), enc="cp932")

    path = "orders/haisou_tsuiseki_ichiran.tsv"
    r = S.rng(path)
    rows = [["出荷日", "配送業者", "伝票番号", "追跡番号（問合せ用）", "届け先都道府県", "個口数", "状態"]]
    for i in range(25):
        t = digits(r, 12, True)
        rows.append([f"2024-04-{r.randint(1, 12):02d}", r.choice(["ヤマト運輸", "佐川急便", "日本郵便"]),
                     f"{t[:4]}-{t[4:8]}-{t[8:]}", t, r.choice(REGIONS).pref, str(r.randint(1, 3)),
                     r.choice(["配達完了", "輸送中", "持戻り", "配達完了"])])
    S.csv(path, rows, E(), enc="utf-8", delim="\t", crlf=False)

    path = "orders/uketsuke_bangou_list.txt"
    r = S.rng(path)
    lines = ["お問い合わせ受付番号一覧（2024年4月第2週）", "", "受付番号　　　　　　　　受付日　　種別　　　　　　対応状況"]
    for i in range(20):
        num = gen_bad_luhn(r, 16, r.choice(["4", "35", "52", "54"]))
        shown = num if i % 2 else card_fmt(num, "hyphen")
        lines.append(f"{shown}　2024/04/{r.randint(8, 12):02d}　{r.choice(['返品依頼', '配送状況', '請求内容', '商品不良'])}　{r.choice(['完了', '対応中', '保留'])}")
    lines += ["", "※受付番号は16桁です。お客様からのお問い合わせ時にはこの番号を確認してください。"]
    S.text(path, "\n".join(lines), E())

    path = "orders/seikyusho_bangou_kanri.csv"
    r = S.rng(path)
    rows = [["請求書番号", "取引先コード", "請求日", "金額", "入金予定日", "入金状況"]]
    for i in range(20):
        rows.append([digits(r, 13, True), f"S{r.randint(1001, 1016)}", f"2024/0{r.randint(1, 3)}/{r.choice(['10', '20', '25', '31'])}",
                     str(r.randrange(12000, 2400000, 100)), f"2024/0{r.randint(4, 5)}/30", r.choice(["入金済", "未入金", "一部入金"])])
    S.csv(path, rows, E(), enc="utf-8-sig")

    path = "orders/shukka_shiji_20240415.txt"
    r = S.rng(path)
    lines = ["出荷指示書", f"指示番号：SHP-20240415-{r.randint(100, 999)}　倉庫：関東第2物流センター（TKY-02）", "出荷予定日：2024年4月15日（月）",
             "", "行  ロケーション  JANコード        数量  ピッキング"]
    for i in range(12):
        lines.append(f"{i + 1:>2}  {r.choice('ABCD')}-{r.randint(1, 30):02d}-{r.randint(1, 5)}-{r.randint(1, 8)}    {gen_jan(r)}  {r.randint(1, 24):>4}  □")
    lines += ["", "梱包担当：____　検品担当：____", "備考：ワレモノ2点あり。緩衝材を多めに使用すること。"]
    S.text(path, "\n".join(lines), E())

    path = "orders/nyuka_yotei_202404.xlsx"
    r = S.rng(path)
    rows = [["発注番号", "仕入先コード", "JANコード", "商品名", "発注数", "入荷予定日", "ロット番号"]]
    for i in range(20):
        rows.append([f"PO-{r.randint(24000, 24999)}", f"V{r.randint(100, 300)}", gen_jan(r), r.choice(PRODUCTS),
                     r.choice([24, 48, 96, 120, 240]), f"2024/04/{r.randint(10, 30)}", f"L{digits(r, 10)}"])
    S.xlsx(path, [("入荷予定", rows)], E(), title="入荷予定表", creator="購買部")


# ---------------------------------------------------------------------------------------
# Theme: IT files (hard negatives: IPs, versions, IDs, logs, code)
# ---------------------------------------------------------------------------------------

def gen_it(S: EvalSet):
    S.theme = "it_logs_code"
    E = Lab

    path = "it/server_inventory.csv"
    r = S.rng(path)
    rows = [["ホスト名", "IPアドレス", "OS", "バージョン", "CPU", "メモリ(GB)", "シリアル番号", "保守期限", "設置場所"]]
    oses = [("Windows Server 2022", "10.0.20348.2340"), ("Windows 10 Enterprise", "10.0.19045.4170"),
            ("Red Hat Enterprise Linux", "9.3"), ("Ubuntu Server", "22.04.4 LTS"), ("VMware ESXi", "8.0.2 build-22380479")]
    for i in range(24):
        o = r.choice(oses)
        rows.append([f"{r.choice(['app', 'db', 'web', 'file', 'ad'])}-{r.choice(['prod', 'stg'])}-{i + 1:02d}",
                     f"10.{r.choice([10, 12, 20, 30])}.{r.randint(0, 9)}.{r.randint(2, 250)}", o[0], o[1],
                     f"{r.choice([4, 8, 16, 32])} vCPU", str(r.choice([8, 16, 32, 64, 128])), digits(r, 12, True),
                     f"202{r.randint(5, 8)}/03/31", r.choice(["東京DC ラック A-12", "大阪DC ラック C-03", "クラウド(ap-northeast-1)"])])
    S.csv(path, rows, E(), enc="utf-8", crlf=False)

    path = "it/access_log_20240414.txt"
    r = S.rng(path)
    paths = ["/", "/products", "/products/{jan}", "/cart", "/order/complete?no={ord}", "/search?q=%E3%82%B1%E3%83%88%E3%83%AB",
             "/static/js/app.{h}.js", "/api/v2/stocks?sku={jan}", "/mypage/orders", "/login", "/favicon.ico"]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.86 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
           "Mozilla/5.0 (Linux; Android 14; SO-51D) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.99 Mobile Safari/537.36",
           "Googlebot/2.1 (+http://www.google.com/bot.html)"]
    lines = []
    t = dt.datetime(2024, 4, 14, 0, 0, 3)
    for i in range(320):
        t += dt.timedelta(seconds=r.randint(1, 240))
        ip = r.choice([f"192.0.2.{r.randint(1, 254)}", f"198.51.100.{r.randint(1, 254)}", f"203.0.113.{r.randint(1, 254)}"])
        pth = r.choice(paths).format(jan=gen_jan(r), ord=digits(r, 16, True), h=f"{r.randrange(16**8):08x}")
        st = r.choice([200] * 12 + [304, 302, 404, 500])
        lines.append(f'{ip} - - [{t:%d/%b/%Y:%H:%M:%S} +0900] "GET {pth} HTTP/1.1" {st} {r.randint(200, 48000)} "-" "{r.choice(uas)}" {r.randint(2, 900)}ms')
    S.text(path, "\n".join(lines), E())

    path = "it/release_notes.md"
    S.text(path, """# リリースノート

## v5.2.0（2024-04-08）

### 新機能
- SAML 2.0 によるシングルサインオンに対応しました。
- SCIM 2.0 によるユーザーの自動プロビジョニングに対応しました。

### 改善
- 一覧画面の初期表示を最大 3.4 倍高速化しました（10,000 件表示時 2.8 秒 → 0.82 秒）。
- CSV エクスポートで UTF-8（BOM 付き）と Shift_JIS を選択できるようにしました。

### 不具合修正
- Windows 10（バージョン 22H2、ビルド 19045.4170）で印刷プレビューが表示されない問題を修正しました。
- 2024-02-29 を含む期間指定で集計がずれる問題を修正しました（#4127）。

### 動作環境
- サーバー：Java 21.0.2 以上、PostgreSQL 14 / 15 / 16
- ブラウザ：Chrome 122 以上、Edge 122 以上、Safari 17.3 以上

## v5.1.3（2024-02-19）

- セキュリティ修正：CVE-2024-21626 の影響を受けるコンテナランタイムを 1.1.12 に更新しました。
- 依存ライブラリを更新しました（jackson-databind 2.16.1、netty 4.1.107.Final）。

## v5.1.2（2024-01-22）

- 特定の条件でセッションが 30 分より前にタイムアウトする問題を修正しました。

## v5.1.0（2023-12-11）

- 監査ログの保管期間を 400 日に延長しました。
- 管理者向け API のレート制限を 600 リクエスト/分に変更しました。
""", E())

    path = "it/app_config_production.txt"
    S.text(path, """# application settings (production)
# generated 2024-03-29 10:41:07 by deploy-tool 2.14.0

[server]
host = 0.0.0.0
port = 8443
context_path = /app
max_threads = 400
session_timeout_minutes = 30

[database]
url = jdbc:postgresql://10.12.8.21:5432/appdb
replica_url = jdbc:postgresql://10.12.8.22:5432/appdb
pool_size = 50
statement_timeout_ms = 15000

[cache]
redis_host = 10.12.9.5
redis_port = 6379
ttl_seconds = 86400

[batch]
nightly_cron = 0 30 2 * * ?
chunk_size = 5000
retry_max = 5
retry_backoff_ms = 200

[feature_flags]
new_reporting_engine = false
saml_sso = true
build_number = 20240329.1187
release = 5.2.0-rc.3
""", E())

    path = "it/dev_guide_validation.md"
    S.text(path, """# 入力チェック実装ガイド

入力チェックは `ValidationUtils` に集約し、各画面で独自の正規表現を書かないこと。

## 電話番号・郵便番号

```java
public final class ValidationUtils {
    /** 郵便番号（ハイフンあり/なし） */
    private static final Pattern POSTAL = Pattern.compile("^\\\\d{3}-?\\\\d{4}$");
    /** 国内電話番号（固定・携帯・IP）。ハイフン位置は問わない */
    private static final Pattern PHONE = Pattern.compile("^0\\\\d{1,4}-?\\\\d{1,4}-?\\\\d{3,4}$");
    private static final long MAX_SAFE_INTEGER = 9007199254740991L;
    private static final int MAX_LENGTH = 255;

    private ValidationUtils() {}

    public static boolean isPostalCode(String s) {
        return s != null && POSTAL.matcher(s).matches();
    }
}
```

## テストデータ

単体テストでは実在の値を使わず、以下のダミー値を使用する。

| 項目 | ダミー値 |
|---|---|
| 会員ID | `00000000-0000-4000-8000-000000000000` |
| 注文番号 | `ORD-TEST-0001` |
| 金額 | `0`, `1`, `2147483647` |
| 日付 | `1970-01-01`, `2099-12-31` |

## エラーメッセージ

- `E0001` 必須項目が未入力です
- `E0002` 形式が正しくありません
- `E0003` 文字数が上限（255文字）を超えています
""", E())

    path = "it/network_ip_keikaku.xlsx"
    r = S.rng(path)
    rows = [["拠点", "用途", "VLAN", "ネットワーク", "ゲートウェイ", "DHCP範囲", "備考"]]
    for i, (site, use) in enumerate([("本社", "業務PC"), ("本社", "サーバー"), ("本社", "無線（来客）"), ("大阪支社", "業務PC"),
                                     ("大阪支社", "複合機"), ("名古屋営業所", "業務PC"), ("データセンター", "管理"), ("データセンター", "DB")]):
        o = 10 + i
        rows.append([site, use, 100 + i * 10, f"10.{o}.0.0/24", f"10.{o}.0.1", f"10.{o}.0.100-10.{o}.0.199",
                     r.choice(["", "2024年度更改予定", "IPv6併用"])])
    S.xlsx(path, [("IP計画", rows)], E(), title="ネットワークIP計画", creator="情報システム部")

    path = "it/crontab_batch_server.txt"
    S.text(path, """# m h dom mon dow  command
# --- nightly jobs (batch-prod-01, 10.12.4.31) ---
30 2 * * *   /opt/app/bin/run_batch.sh daily_sales   >> /var/log/batch/daily_sales.log 2>&1
0 3 * * *    /opt/app/bin/run_batch.sh stock_sync    >> /var/log/batch/stock_sync.log 2>&1
15 3 * * 1   /opt/app/bin/run_batch.sh weekly_report >> /var/log/batch/weekly_report.log 2>&1
0 4 1 * *    /opt/app/bin/run_batch.sh monthly_close >> /var/log/batch/monthly_close.log 2>&1
*/5 * * * *  /opt/app/bin/healthcheck.sh --timeout 30 --retries 3
# log rotation
0 5 * * *    /usr/sbin/logrotate -s /var/lib/logrotate/status /etc/logrotate.d/app
# backup (retention 14 generations)
45 1 * * *   /opt/backup/pg_backup.sh --host 10.12.8.21 --port 5432 --keep 14
""", E())

    path = "it/app_error_20240412.log.txt"
    r = S.rng(path)
    lines = []
    t = dt.datetime(2024, 4, 12, 9, 0, 0)
    for i in range(40):
        t += dt.timedelta(seconds=r.randint(5, 600))
        rid = f"{r.randrange(16**8):08x}-{r.randrange(16**4):04x}"
        lvl = r.choice(["INFO", "INFO", "INFO", "WARN", "ERROR"])
        if lvl == "ERROR":
            lines.append(f"{t:%Y-%m-%d %H:%M:%S}.{r.randint(0, 999):03d} ERROR [http-nio-8443-exec-{r.randint(1, 200)}] c.e.app.order.OrderService - "
                         f"order {digits(r, 16, True)} failed: java.sql.SQLTimeoutException: query timed out after 15000 ms (reqId={rid})")
            lines.append("    at org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:472)")
            lines.append("    at com.example.app.order.OrderRepository.save(OrderRepository.java:118)")
        elif lvl == "WARN":
            lines.append(f"{t:%Y-%m-%d %H:%M:%S}.{r.randint(0, 999):03d} WARN  [scheduler-{r.randint(1, 4)}] c.e.app.stock.StockSync - "
                         f"SKU {gen_jan(r)} stock mismatch: wms={r.randint(0, 50)} oms={r.randint(0, 50)} (reqId={rid})")
        else:
            lines.append(f"{t:%Y-%m-%d %H:%M:%S}.{r.randint(0, 999):03d} INFO  [http-nio-8443-exec-{r.randint(1, 200)}] c.e.app.web.AccessFilter - "
                         f"GET /api/v2/orders/{digits(r, 12, True)} 200 {r.randint(5, 300)}ms (reqId={rid})")
    S.text(path, "\n".join(lines), E())


# ---------------------------------------------------------------------------------------
# Theme: minutes, schedules, statistics
# ---------------------------------------------------------------------------------------

def gen_minutes_stats(S: EvalSet):
    S.theme = "minutes_schedules_stats"
    E = Lab

    path = "minutes/eigyo_teireikai_gijiroku_0412.txt"
    S.text(path, """営業本部 定例会議 議事録

日時：2024年4月12日（金）10:00〜11:30
場所：本社 8階 第1会議室／オンライン併用
出席：営業本部長、第一営業部（4名）、第二営業部（3名）、営業企画課（2名）
欠席：大阪支社（出張のため資料のみ共有）

1. 3月度実績報告
　・売上高 3億4,210万円（予算比 102.3％、前年同月比 108.9％）
　・粗利率 31.4％（前月比 +0.6pt）
　・新規取引先 7社（うち官公庁 1件）

2. 第1四半期の重点施策
　・既存顧客の保守契約更新率 95％以上を目標とする
　・4月22日〜5月10日に春の販促キャンペーンを実施（値引き上限 8％）
　・展示会（6月5日〜7日、東京ビッグサイト）への出展準備を開始

3. 課題・懸念事項
　・半導体部品の納期遅延により、一部製品の納期が最大6週間延びている
　・見積回答までのリードタイムが平均4.2営業日と長い（目標 3営業日）

4. 決定事項
　・見積テンプレートを統一し、4月末から運用する
　・次回定例は5月10日（金）10:00から

以上（記録：営業企画課）
""", E())

    path = "minutes/project_teirei_gijiroku_0409.md"
    r, L = S.rng(path), Lab()
    used = set()
    ms = [make_person(r, 1975, 1996, used=used) for _ in range(5)]
    S.text(path, f"""# 基幹システム更改プロジェクト 第14回定例 議事録

- 日時：2024年4月9日（火）15:00〜16:00
- 場所：Teams
- 出席者：{L.p_name(ms[0])}（PM）、{L.p_name(ms[1])}、{L.p_name(ms[2])}、{L.p_name(ms[3])}、{L.p_name(ms[4])}
- 記録：{L.name(ms[4].sei[0])}

## 進捗

| チーム | 計画 | 実績 | 状況 |
|---|---:|---:|---|
| 販売管理 | 62% | 58% | 遅れ（結合テストの不具合 14件） |
| 在庫管理 | 55% | 56% | 予定どおり |
| 会計連携 | 40% | 41% | 予定どおり |

## 課題

1. 販売管理の不具合対応で要員が不足している。→ {L.name(ms[1].sei[0])}さんが4/15から2週間支援に入る。
2. データ移行リハーサル（第2回）の日程。→ 4/27（土）9:00〜で確定。

## 宿題

- [ ] 移行リハーサル手順書の更新（担当：{L.name(ms[2].sei[0])}、期限：4/19）
- [ ] 追加要員の見積（担当：{L.name(ms[0].sei[0])}、期限：4/12）

次回：2024年4月16日（火）15:00〜
""", L)

    path = "minutes/kaigishitsu_yoyaku_0415.csv"
    r = S.rng(path)
    rows = [["日付", "開始", "終了", "会議室", "予約部署", "内線", "件名", "人数"]]
    for i in range(18):
        h = r.randint(9, 17)
        rows.append(["2024/04/15", f"{h}:00", f"{h + 1}:{r.choice(['00', '30'])}", r.choice(["8F 第1会議室", "8F 第2会議室", "12F 会議室A", "12F 応接室"]),
                     r.choice(["営業企画課", "人事部", "経理部", "開発部", "品質保証部"]), str(r.randint(2100, 2899)),
                     r.choice(["週次定例", "面接", "顧客打合せ", "予算レビュー", "1on1", "研修"]), str(r.randint(2, 12))])
    S.csv(path, rows, E(), enc="cp932")

    path = "minutes/nenkan_gyouji_2024.md"
    S.text(path, """# 2024年度 年間行事予定

| 日付 | 行事 | 備考 |
|---|---|---|
| 2024年4月1日（月） | 入社式・新入社員研修開始 | 本社 20階 大会議室 |
| 2024年4月26日（金） | 新入社員研修 修了 | |
| 2024年6月7日（金） | 株主総会 | 9:30 開会 |
| 2024年7月12日（金） | 全社キックオフ（下期方針説明会） | オンライン併用 |
| 2024年8月13日（火）〜16日（金） | 夏季一斉休暇 | |
| 2024年10月1日（火） | 内定式 | |
| 2024年11月9日（土） | 社内運動会 | 雨天時は11月16日 |
| 2024年12月27日（金） | 仕事納め | |
| 2025年1月6日（月） | 仕事始め・年頭挨拶 | |
| 2025年3月28日（金） | 期末棚卸 | 物流センター |
""", E())

    path = "minutes/shucchou_itinerary_0522.tsv"
    S.text(path, """日付\t時刻\t区分\t便名・列車\t出発\t到着\t予約番号\t備考
2024-05-22\t07:35\t航空\tJL903\t羽田\t那覇\t2405220903417\t営業部2名
2024-05-22\t14:00\t訪問\t-\t-\t-\t-\t沖縄営業所
2024-05-22\t19:00\t宿泊\t-\t-\t-\t8841203376\tホテル久茂地イン（2泊）
2024-05-23\t10:00\t訪問\t-\t-\t-\t-\t顧客3社
2024-05-24\t16:20\t航空\tNH472\t那覇\t羽田\t2405240472118\t
""", E())

    path = "stats/jinko_todofuken_2023.csv"
    r = S.rng(path)
    prefs = ["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
             "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
             "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
             "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"]
    rows = [["都道府県", "総人口", "男", "女", "世帯数", "人口増減率(%)", "65歳以上割合(%)"]]
    for p in prefs:
        tot = r.randint(540000, 14100000)
        m = int(tot * r.uniform(0.47, 0.50))
        rows.append([p, f"{tot:,}", f"{m:,}", f"{tot - m:,}", f"{int(tot / r.uniform(2.0, 2.6)):,}",
                     f"{r.uniform(-1.6, 0.3):.2f}", f"{r.uniform(23, 38):.1f}"])
    S.csv(path, [["人口推計（2023年10月1日現在、単位：人）"]] + rows, E(), enc="cp932")

    path = "stats/uriage_jisseki_FY2023.xlsx"
    r = S.rng(path)
    months = [f"2023年{m}月" for m in range(4, 13)] + [f"2024年{m}月" for m in range(1, 4)]
    stores = ["札幌店", "仙台店", "新宿店", "横浜店", "名古屋店", "梅田店", "福岡店"]
    rows = [["店舗"] + months + ["合計"]]
    for s in stores:
        vals = [r.randint(8_000_000, 42_000_000) for _ in months]
        rows.append([s] + vals + [sum(vals)])
    S.xlsx(path, [("月別売上", rows)], E(), title="売上実績 FY2023", creator="経営企画室")

    path = "stats/customer_survey_kekka.md"
    S.text(path, """# 2024年春 顧客満足度アンケート 集計結果

- 調査期間：2024年3月1日〜3月15日
- 回答数：1,284件（回収率 18.6％）
- 調査方法：Webアンケート

## 総合満足度

| 評価 | 件数 | 割合 |
|---|---:|---:|
| 大変満足 | 312 | 24.3% |
| 満足 | 598 | 46.6% |
| どちらともいえない | 251 | 19.5% |
| 不満 | 89 | 6.9% |
| 大変不満 | 34 | 2.6% |

## 年代別

| 年代 | 回答数 | 満足以上 |
|---|---:|---:|
| 20代 | 142 | 66.2% |
| 30代 | 276 | 69.6% |
| 40代 | 358 | 71.2% |
| 50代 | 301 | 73.1% |
| 60代以上 | 207 | 72.5% |

## 自由記述（抜粋）

- 配送が早くて助かる（40代・女性）
- 問い合わせ窓口の電話がつながりにくい（60代以上・男性）
- アプリの操作がわかりやすくなった（30代・男性）
""", E())

    path = "stats/umare_nen_betsu_jinko.csv"
    r = S.rng(path)
    rows = [["生まれ年", "和暦", "年齢（2024年4月1日時点）", "人口（千人）", "うち男性", "うち女性"]]
    for y in range(1950, 2006, 1):
        n = r.randint(900, 2100)
        m = int(n * r.uniform(0.48, 0.52))
        name, _, ey = era_of(dt.date(y, 7, 1))
        rows.append([f"{y}年生まれ", f"{name}{ey}年", f"{2024 - y - 1}〜{2024 - y}歳", str(n), str(m), str(n - m)])
    S.csv(path, rows, E(), enc="utf-8-sig")

    path = "stats/kabuka_nikkei_data.tsv"
    r = S.rng(path)
    lines = ["date\tcode\topen\thigh\tlow\tclose\tvolume"]
    d = dt.date(2024, 3, 1)
    for i in range(30):
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        for code in ("4012", "7203", "9984"):
            o = r.uniform(1500, 9000)
            lines.append(f"{d.isoformat()}\t{code}\t{o:.1f}\t{o * 1.02:.1f}\t{o * 0.98:.1f}\t{o * r.uniform(0.98, 1.02):.1f}\t{r.randint(100000, 48000000)}")
        d += dt.timedelta(days=1)
    S.text(path, "\n".join(lines), E())


# ---------------------------------------------------------------------------------------
# Theme: fiction and history
# ---------------------------------------------------------------------------------------

def gen_fiction_history(S: EvalSet):
    S.theme = "fiction_history"

    path = "fiction/tanpen_yoake_no_eki.txt"
    L = Lab()
    full_h, h, kir, ao, kg = L.name("水野遥"), L.name("遥"), L.name("桐島"), L.name("蒼"), L.name("古賀")
    full_a = L.name("桐島蒼")
    S.text(path, f"""夜明けの駅

　　一

　始発電車が来るまで、まだ二十分ほどあった。{full_h}はホームのベンチに腰を下ろし、冷えた指先に息を吹きかけた。三月とはいえ、山あいの小さな駅では朝の空気がまだ冬の匂いをしている。

　改札のほうから足音が近づいてきた。振り向くと、紺色のコートを着た青年が、少し困ったような顔で立っていた。

「{h}、本当に行くのか」

「行くよ。もう決めたから」

　{full_a}は何か言いかけて、やめた。幼いころから、言いたいことを飲み込むときの{ao}の癖は変わらない。右手で襟元を触り、視線を線路の先に逃がす。

　　二

　二人が最後に会ったのは、高校の卒業式の日だった。担任の{kg}先生が「十年後にまた集まろう」と言い、皆が笑って頷いた。あれから七年が経つ。

「{kg}先生、去年退職されたんだって」と{h}が言った。

「知ってる。手紙をもらった。お前のことも書いてあったよ。東京で頑張ってるって」

　{kir}はポケットから折りたたんだ便箋を取り出しかけて、またしまった。{h}はそれに気づかないふりをした。

　　三

　遠くで踏切の警報が鳴り始めた。山の稜線がうっすらと白み、駅の古い時計が五時四十二分を指している。

「向こうに着いたら、連絡する」

「電話じゃなくていい。たまに、写真でも送ってくれれば」

　{ao}はそう言って、初めてまっすぐに{h}を見た。二両編成の電車がゆっくりとホームに滑り込んでくる。ドアが開く音が、やけに大きく響いた。

　{h}は鞄を持ち上げ、一歩だけ電車のほうへ踏み出してから振り返った。

「{ao}も、元気で」

　ドアが閉まり、電車が動き出す。窓の外で、{kir}が小さく手を挙げるのが見えた。その姿はすぐに朝靄の中に溶けていった。

（了）
""", L)

    path = "fiction/mystery_kirinoyakata_eucjp.txt"
    L = Lab()
    kz, mu_full, mu, ic, rei = L.name("神崎"), L.name("村井正樹"), L.name("村井"), L.name("一ノ瀬"), L.name("玲子")
    ic_full = L.name("一ノ瀬玲子")
    S.text(path, f"""第三章　霧の館

　{kz}警部補が館に到着したのは、午後十一時を少し回ったころだった。玄関ホールには、通報した管理人の老人が青ざめた顔で立ち尽くしていた。

「被害者は{mu_full}、四十二歳。この館の現在の持ち主です」

　若い巡査が手帳を読み上げる。{kz}は黙って頷き、二階の書斎へ続く階段を見上げた。

　書斎の扉は内側から鍵がかけられていた。合鍵は管理人が持つ一本だけで、それは今夜ずっと管理人室の金庫の中にあったという。

「密室、というわけか」

　背後から澄んだ声がした。振り向くと、黒いコートの女性が階段の手すりにもたれていた。私立探偵の{ic_full}である。

「{ic}さん、ここは立入禁止ですよ」

「{mu}さんから依頼を受けていたの。三日前にね。『誰かに命を狙われている』と」

　{kz}は眉をひそめた。{rei}は構わず書斎の扉に近づき、鍵穴を覗き込んだ。

「警部補、この鍵穴、最近油を差した跡がありますね。それも、外側から」

　窓の外では、霧がいっそう濃くなっていた。
""", L, enc="euc_jp")

    path = "fiction/short_story_en.txt"
    L = Lab()
    kenji, hana, mori = L.name("Kenji Mori"), L.name("Hana"), L.name("Mori")
    S.text(path, f"""The Last Tram

{kenji} had driven the last tram of the night for twenty-three years. He knew every curve of the line,
every loose rail, every lamp that flickered near the old harbour warehouses.

On the night of his final shift, a girl with a red umbrella boarded at the fourth stop. She sat in the
front seat and watched the dark streets slide past.

"Are you {hana}?" he asked at last. "The baker's daughter?"

She smiled. "You remember me. I used to ride with my father every Sunday."

"You were this tall," said Mr. {mori}, holding a hand just above the fare box. "You always asked to ring the bell."

At the terminus she stood up, reached over, and rang the bell once. It was the last sound the old tram made
before the depot doors closed behind it.
""", L)

    path = "history/meiji_ishin_gaisetsu.txt"
    S.text(path, """明治維新の概説

　明治維新とは、江戸幕府の崩壊から明治新政府の成立、そして近代国家の諸制度が整えられるまでの一連の政治的・社会的変革を指す。その始まりをどこに置くかには諸説あるが、一般には1867年（慶応3年）の大政奉還と王政復古の大号令、翌1868年（明治元年）の戊辰戦争開戦を画期とすることが多い。

　新政府は1868年に五箇条の御誓文を発して基本方針を示し、同年には江戸を東京と改称した。1869年（明治2年）には版籍奉還、1871年（明治4年）には廃藩置県を断行し、中央集権的な統治機構を確立した。廃藩置県によって全国はいったん3府302県に再編され、その後の統廃合を経て1888年（明治21年）には3府43県となった。

　経済面では、1873年（明治6年）の地租改正により、土地の価格（地価）を基準に金納で課税する制度が導入された。同年には徴兵令も公布され、満20歳以上の男子に兵役の義務が課された。1872年（明治5年）には学制が公布され、全国に小学校が設けられた。また同年、新橋・横浜間に鉄道が開業している。

　政治制度の面では、1885年（明治18年）に内閣制度が創設され、1889年（明治22年）2月11日に大日本帝国憲法が発布された。翌1890年（明治23年）には第1回帝国議会が開かれている。

　維新の評価は時代とともに変化してきた。戦後の研究では、昭和20年（1945年）8月15日の終戦を経て、維新以後の近代化の過程を多角的に見直す動きが進んだ。

参考：年表（抜粋）
　1867年11月9日（慶応3年10月14日）　大政奉還
　1868年4月6日（慶応4年3月14日）　五箇条の御誓文
　1871年8月29日（明治4年7月14日）　廃藩置県
　1889年2月11日　大日本帝国憲法発布
""", Lab())

    path = "history/showa_nenpyo.md"
    S.text(path, """# 昭和・平成の主な出来事（年表）

| 年月日 | 和暦 | 出来事 |
|---|---|---|
| 1926-12-25 | 昭和元年12月25日 | 改元、昭和が始まる |
| 1945-08-15 | 昭和20年8月15日 | 終戦 |
| 1946-11-03 | 昭和21年11月3日 | 日本国憲法公布 |
| 1956-12-18 | 昭和31年12月18日 | 国際連合に加盟 |
| 1964-10-01 | 昭和39年10月1日 | 東海道新幹線 開業 |
| 1964-10-10 | 昭和39年10月10日 | 東京オリンピック 開会 |
| 1970-03-14 | 昭和45年3月14日 | 大阪で日本万国博覧会 開幕 |
| 1972-05-15 | 昭和47年5月15日 | 沖縄の施政権返還 |
| 1988-03-13 | 昭和63年3月13日 | 青函トンネル 開業 |
| 1989-01-08 | 平成元年1月8日 | 改元、平成が始まる |
| 1995-01-17 | H7.1.17 | 阪神・淡路大震災 |
| 2011-03-11 | H23/3/11 | 東日本大震災 |
| 2019-05-01 | 令和元年5月1日 | 改元、令和が始まる |

※和暦欄の略記（H7.1.17 など）は原資料の表記に従った。
""", Lab())

    path = "history/kaisha_enkaku.html"
    S.text(path, """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>沿革 | 企業情報</title></head>
<body>
<h1>沿革</h1>
<dl>
<dt>昭和38年（1963年）4月</dt><dd>大阪市にて繊維機械部品の製造を目的として創業</dd>
<dt>昭和45年（1970年）10月</dt><dd>株式会社に改組、資本金1,000万円</dd>
<dt>昭和58年（1983年）6月</dt><dd>滋賀工場 操業開始</dd>
<dt>平成元年（1989年）4月</dt><dd>社名を現在の名称に変更</dd>
<dt>平成12年（2000年）3月</dt><dd>ISO 9001 認証取得</dd>
<dt>平成26年（2014年）11月</dt><dd>ベトナム・ハノイに現地法人設立</dd>
<dt>令和5年（2023年）4月</dt><dd>創業60周年</dd>
</dl>
</body></html>""", Lab())


# ---------------------------------------------------------------------------------------
# Theme: miscellaneous hard negatives
# ---------------------------------------------------------------------------------------

def gen_misc(S: EvalSet):
    S.theme = "misc"
    E = Lab

    S.text("misc/business_update_en.txt", """Quarterly Business Update - Q4 FY2023

Overview
Revenue for the quarter grew 8.4% year over year to JPY 12.6 billion, driven by strong demand in the
logistics and retail segments. Operating margin improved by 1.2 percentage points to 11.8%, reflecting
better utilisation of our regional data centres and lower hardware costs.

Segment highlights
- Logistics: 14 new enterprise customers; average contract value up 6%.
- Retail: the self-checkout solution is now deployed in 2,380 stores (up from 1,910).
- Public sector: two framework agreements renewed for five years.

Outlook
We expect revenue of JPY 51-53 billion for FY2024. Capital expenditure will increase to JPY 3.1 billion,
mainly for the Osaka region expansion scheduled for October 2024. Our headcount target is 1,450 by March 2025.

Risks include currency fluctuations (a 1-yen move against the USD changes operating profit by roughly
JPY 40 million), component shortages, and delays in large customer projects.

Next update: 14 August 2024 (Q1 FY2024 results).
""", E())

    S.text("misc/lorem_ipsum_template.html", """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Landing page template v2.4</title></head>
<body>
<header><h1>Lorem ipsum dolor sit amet</h1><p>Consectetur adipiscing elit, sed do eiusmod tempor.</p></header>
<section>
<h2>Features</h2>
<ul>
<li>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</li>
<li>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum.</li>
<li>Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia.</li>
</ul>
<h2>Pricing</h2>
<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>$9 / month</td></tr><tr><td>Pro</td><td>$29 / month</td></tr></table>
</section>
<footer><p>Sed ut perspiciatis unde omnis iste natus error sit voluptatem. Build 2024.03.18-1442.</p></footer>
</body></html>""", E())

    S.text("misc/shukujitsu_2024.md", """# 2024年（令和6年）の祝日一覧

| 日付 | 曜日 | 祝日名 |
|---|---|---|
| 2024/01/01 | 月 | 元日 |
| 2024/01/08 | 月 | 成人の日 |
| 2024/02/11 | 日 | 建国記念の日 |
| 2024/02/12 | 月 | 振替休日 |
| 2024/02/23 | 金 | 天皇誕生日 |
| 2024/03/20 | 水 | 春分の日 |
| 2024/04/29 | 月 | 昭和の日 |
| 2024/05/03 | 金 | 憲法記念日 |
| 2024/05/04 | 土 | みどりの日 |
| 2024/05/05 | 日 | こどもの日 |
| 2024/05/06 | 月 | 振替休日 |
| 2024/07/15 | 月 | 海の日 |
| 2024/08/11 | 日 | 山の日 |
| 2024/08/12 | 月 | 振替休日 |
| 2024/09/16 | 月 | 敬老の日 |
| 2024/09/22 | 日 | 秋分の日 |
| 2024/09/23 | 月 | 振替休日 |
| 2024/10/14 | 月 | スポーツの日 |
| 2024/11/03 | 日 | 文化の日 |
| 2024/11/04 | 月 | 振替休日 |
| 2024/11/23 | 土 | 勤労感謝の日 |

会社カレンダーでは、上記に加えて12月28日〜1月3日を年末年始休業とします。
""", E())

    S.text("misc/birthday_campaign.html", """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>お誕生日月特典のご案内</title></head>
<body>
<h1>お誕生日月はポイント5倍！</h1>
<p>会員登録時にご登録いただいた生年月日の「月」に、お買い物ポイントが通常の5倍になります。</p>
<ul>
<li>対象期間：お誕生日月の1日〜末日</li>
<li>対象店舗：全店およびオンラインストア</li>
<li>特典クーポン：お誕生日月の前月25日ごろにメールでお届けします（有効期限 2か月）</li>
</ul>
<p>例：4月生まれの方は、2024年4月1日〜4月30日のお買い物が対象です。</p>
<p>※生年月日の変更はできません。登録内容に誤りがある場合はカスタマーセンターまでお問い合わせください。</p>
<p>キャンペーン期間：2024年4月1日〜2025年3月31日</p>
</body></html>""", E())

    S.text("misc/mynumber_toriatsukai_kitei.md", """# 特定個人情報等取扱規程（抜粋）

## 第1条（目的）
本規程は、行政手続における特定の個人を識別するための番号の利用等に関する法律（以下「番号法」という。）に基づき、
当社における個人番号及び特定個人情報（以下「特定個人情報等」という。）の適正な取扱いを確保するために必要な事項を定める。

## 第5条（利用目的）
当社は、次の事務に限り個人番号を利用する。
1. 源泉徴収票作成事務
2. 健康保険・厚生年金保険届出事務
3. 雇用保険届出事務

## 第8条（取得）
個人番号の提供を受けるときは、番号確認及び身元確認を行う。番号確認はマイナンバーカード（個人番号カード）、
通知カード又は個人番号が記載された住民票の写しにより行う。

## 第12条（保管）
特定個人情報等を記載した書類は、施錠できるキャビネットに保管する。電子データはアクセス権限を事務取扱担当者に限定し、
個人番号の表示は原則として「XXXX XXXX XXXX」のようにマスキングする。

## 第15条（廃棄）
法定保存期間（7年）を経過した書類は、シュレッダー又は溶解処理により速やかに廃棄し、廃棄記録を作成する。

附則　本規程は2016年1月1日から施行する。2023年4月1日改訂。
""", E())

    S.text("misc/jouhou_security_kitei_bunrui.md", """# 情報セキュリティ規程 第3章 情報資産の分類

## 第10条（機密区分）
情報資産は、その重要度に応じて次の4区分に分類する。

| 区分 | 定義 | 例 |
|---|---|---|
| 極秘 | 漏えいにより経営に重大な影響を及ぼす情報 | 未公表の決算情報、M&A関連資料 |
| 社外秘 | 社外に開示することを想定しない情報 | 社内規程、業務マニュアル、顧客一覧 |
| 社内限り | 社員であれば閲覧してよい情報 | 社内報、福利厚生の案内 |
| 公開 | 社外に公開済みの情報 | プレスリリース、製品カタログ |

## 第11条（表示）
1. 文書の作成者は、文書の右上又はヘッダーに区分を表示しなければならない。
2. 電子メールで極秘又は社外秘の情報を送信する場合は、件名の先頭に区分を【 】で囲んで表示する。
3. 英文の文書では、Confidential 又は Internal Only の表示を用いることができる。

## 第12条（取扱い）
区分に応じた保管場所、持出し及び廃棄の方法は、別表2「情報資産取扱基準」に定める。
""", E())

    path = "misc/mynumber_test_invalid.csv"
    r = S.rng(path)
    rows = [["社員ID", "個人番号", "登録日", "検証結果"]]
    for i in range(20):
        n = gen_bad_mynumber(r)
        rows.append([f"TEST{i + 1:04d}", mn_fmt(n, r.choice(["plain", "space", "hyphen"])), f"2024/03/{r.randint(1, 28):02d}", "チェックデジット不一致"])
    S.csv(path, rows, E(), enc="cp932")

    path = "misc/card_luhn_ng_testdata.csv"
    r = S.rng(path)
    rows = [["ケースID", "ブランド想定", "カード番号", "期待結果"]]
    for i in range(16):
        brand, pre = r.choice([("VISA", "4"), ("Mastercard", "53"), ("JCB", "3541"), ("JCB", "3589"), ("AMEX", "37")])
        n = gen_bad_luhn(r, 15 if brand == "AMEX" else 16, pre)
        rows.append([f"NG-{i + 1:03d}", brand, card_fmt(n, r.choice(["plain", "hyphen", "space"])), "エラー（チェックディジット不正）"])
    S.csv(path, rows, E(), enc="utf-8", crlf=False)

    path = "misc/gift_card_hakkou_kanri.csv"
    r = S.rng(path)
    rows = [["ギフトカード番号", "PIN", "額面", "発行日", "有効期限", "状態"]]
    for i in range(20):
        rows.append([card_fmt(gen_bad_luhn(r, 16, "6300"), "hyphen"), f"{r.randint(0, 9999):04d}", r.choice(["3,000", "5,000", "10,000"]),
                     "2024/03/01", "2027/02/28", r.choice(["未使用", "使用済", "一部使用"])])
    S.csv(path, rows, E(), enc="cp932")

    S.text("misc/recipe_nikujaga.txt", """肉じゃが（4人分）　調理時間：約40分

【材料】
・牛こま切れ肉　200g
・じゃがいも　4個（約600g）
・玉ねぎ　1個
・にんじん　1本
・しらたき　1袋（200g）
・サラダ油　大さじ1
・だし汁　300ml
・砂糖　大さじ2、みりん　大さじ2、しょうゆ　大さじ3

【作り方】
1. じゃがいもは皮をむいて4等分にし、水に10分さらす。玉ねぎはくし形切り、にんじんは乱切りにする。
2. しらたきは下ゆでして食べやすい長さに切る。
3. 鍋にサラダ油を熱し、牛肉を中火で炒める。色が変わったら野菜としらたきを加えて2〜3分炒める。
4. だし汁と砂糖、みりんを加え、落としぶたをして弱めの中火で15分煮る。
5. しょうゆを加えてさらに10分煮て、火を止めて5分ほど置いて味をなじませる。

1人分：約380kcal　塩分2.4g
""", E())

    path = "misc/jikokuhyo_heijitsu.tsv"
    r = S.rng(path)
    lines = ["時\t平日 上り（東京方面）"]
    for h in range(5, 24):
        mins = sorted(r.sample(range(60), r.randint(3, 9)))
        lines.append(f"{h}\t" + " ".join(f"{m:02d}" for m in mins))
    lines.append("※2024年3月16日ダイヤ改正対応")
    S.text("misc/jikokuhyo_heijitsu.tsv", "\n".join(lines), E())

    path = "misc/takarakuji_tousen_bangou.txt"
    r = S.rng(path)
    S.text(path, f"""第1012回 全国自治宝くじ（ドリームジャンボ）当せん番号
抽せん日：2024年6月12日

1等　　　　　　{r.randint(1, 200)}組 {r.randint(100000, 199999)}番　　　　3億円
1等の前後賞　　1等の前後の番号　　　　　　　1億円
1等の組違い賞　1等の組違い同番号　　　　　　10万円
2等　　　　　　{r.randint(1, 200)}組 {r.randint(100000, 199999)}番　　　　1,000万円
3等　　　　　　各組共通 {r.randint(100000, 199999)}番　　　　　　100万円
4等　　　　　　下4けた {r.randint(0, 9999):04d}番　　　　　　5万円
5等　　　　　　下3けた {r.randint(0, 999):03d}番　　　　　　1万円
6等　　　　　　下1けた {r.randint(0, 9)}番　　　　　　300円

支払期間：2024年6月17日から2025年6月16日まで
""", E())

    path = "misc/shugyo_kisoku_bassui.docx"
    blocks = [("p", "就業規則（抜粋）", {"b": True, "sz": 32, "center": True}),
              ("p", "第20条（労働時間及び休憩時間）", {"b": True}),
              ("p", "1. 所定労働時間は、1週間については40時間、1日については8時間とする。"),
              ("p", "2. 始業・終業の時刻及び休憩時間は、次のとおりとする。始業 9時00分、終業 18時00分、休憩 12時00分から13時00分まで。"),
              ("p", "第21条（休日）", {"b": True}),
              ("p", "休日は、土曜日、日曜日、国民の祝日、年末年始（12月29日から1月3日まで）及び夏季休日（8月13日から8月16日まで）とする。"),
              ("p", "第35条（年次有給休暇）", {"b": True}),
              ("table", [["勤続期間", "6か月", "1年6か月", "2年6か月", "3年6か月", "4年6か月", "5年6か月", "6年6か月以上"],
                         ["付与日数", "10日", "11日", "12日", "14日", "16日", "18日", "20日"]], {"header": True}),
              ("p", "附則　この規則は、2024年4月1日から施行する。")]
    S.docx(path, blocks, E(), title="就業規則（抜粋）", creator="人事部")

    S.text("misc/wifi_setup_guide.txt", """来客用Wi-Fi 接続手順（2024年4月版）

1. 端末のWi-Fi設定を開き、SSID「GUEST-5G-8F」を選択します。
2. パスワードは受付で配布するカードに記載しています（毎週月曜日に変更）。
3. ブラウザが自動で開かない場合は http://192.168.50.1/login にアクセスしてください。
4. 利用規約に同意すると、最大4時間インターネットに接続できます。

ネットワーク情報（管理者向け）
  サブネット    192.168.50.0/24
  ゲートウェイ  192.168.50.1
  DNS           192.168.50.1 / 1.1.1.1
  AP MAC        3C:22:FB:1A:09:7E, 3C:22:FB:1A:09:7F
  コントローラ  ver. 8.1.113.0
トラブル時は情報システム部（内線 2450）へ連絡してください。
""", E())

    path = "misc/sensor_log_line3.csv"
    r = S.rng(path)
    rows = [["timestamp", "device_serial", "temperature_c", "humidity_pct", "vibration_mm_s", "status"]]
    t = dt.datetime(2024, 4, 10, 8, 0, 0)
    serials = [digits(r, 13, True) for _ in range(3)]
    for i in range(60):
        t += dt.timedelta(minutes=1)
        rows.append([t.isoformat(), r.choice(serials), f"{r.uniform(21, 27):.2f}", f"{r.uniform(35, 60):.1f}",
                     f"{r.uniform(0.5, 4.5):.2f}", r.choice(["OK"] * 9 + ["WARN"])])
    S.csv(path, rows, E(), enc="utf-8", crlf=False)


# ---------------------------------------------------------------------------------------
# Build, write, README
# ---------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------
# Forms and rosters laid out the way real exports come out (added for issue 10): English
# résumés, label and value in separate cells or lines, addresses broken over lines or written
# 3丁12番地, address and name columns under headings other than 氏名/住所, and upper-case
# romaji cardholder names in payment logs.
# ---------------------------------------------------------------------------------------

# surnames outside the usual top-100 lists, with readings (for romaji names nobody's list has)
RARER_SURNAMES = [
    ("大久保", "オオクボ", "Okubo"), ("早川", "ハヤカワ", "Hayakawa"), ("堀江", "ホリエ", "Horie"),
    ("菅野", "カンノ", "Kanno"), ("杉浦", "スギウラ", "Sugiura"), ("平田", "ヒラタ", "Hirata"),
    ("小野寺", "オノデラ", "Onodera"), ("宇野", "ウノ", "Uno"), ("熊谷", "クマガイ", "Kumagai"),
    ("永井", "ナガイ", "Nagai"), ("桑原", "クワハラ", "Kuwahara"), ("真鍋", "マナベ", "Manabe"),
]


def en_dob_style(rng):
    return rng.choice(["en_dmy_long", "en_long", "en_dmy", "en_dmy_hyphen", "iso"])


def gen_forms(S: EvalSet):
    S.theme = "forms"

    # an English résumé of a Japanese applicant
    for i, (path, style) in enumerate([("forms/resume_en_software_engineer.txt", "en_dmy_long"),
                                       ("forms/cv_en_marketing_manager.md", "en_long")]):
        r = S.rng(path)
        L = Lab()
        p = make_person(r, 1975, 1998)
        label = r.choice(["Date of Birth", "DOB", "Born", "Birth date"])
        body = f"""{'# ' if path.endswith('.md') else ''}CURRICULUM VITAE

Name: {L.name(p.roman('first_last'))}
{label}: {L.dob(p.dob, style)}
Nationality: Japanese
Address: {L.addr(addr_en_fmt(en_address(r)))}
Phone: {L.p_phone(p.mobile, "intl_space")}
E-mail: {L.email(p.email)}

PROFILE
{"Software engineer with ten years of backend and data platform work." if i == 0 else "Marketing manager with a record of launching consumer brands in Japan and Southeast Asia."}
Languages: Japanese (native), English (business, TOEIC 905).

EXPERIENCE
2019 - present  {"Senior Engineer, Hikari Data Service Inc., Tokyo" if i == 0 else "Brand Manager, Sakura Foods Inc., Osaka"}
2014 - 2019     {"Engineer, Towa System Corporation" if i == 0 else "Marketing Associate, Next Retail Inc."}

EDUCATION
{p.dob.year + 22}  B.A., {"Information Science" if i == 0 else "Economics"}, Tohoku University

REFERENCES
Available on request.
"""
        S.text(path, body, L)

    # an English application form exported from a PDF: labels in one column, values in the next line
    path = "forms/visa_support_application_pdf.txt"
    r = S.rng(path)
    L = Lab()
    rows = []
    for k in range(3):
        p = make_person(r, 1960, 2000)
        rows.append(f"""APPLICANT {k + 1}
Family name / Given name
{L.name(p.roman('LAST_first'))}
Date of birth (DD-MMM-YYYY)
{L.dob(p.dob, 'en_dmy_hyphen')}
Sex
{'M' if p.gender == 'M' else 'F'}
Telephone
{L.p_phone(p.mobile, "intl_space")}
""")
    S.text(path, "INVITATION LETTER - SUPPORTING FORM\nPlease print clearly.\n\n" + "\n".join(rows), L)

    # a 入社 form exported from a spreadsheet: label and value in adjacent cells, several forms per file
    path = "forms/nyusha_todoke_form.tsv"
    r = S.rng(path)
    L = Lab()
    lines = []
    for k in range(4):
        p = make_person(r, 1980, 2003)
        lines += [f"入社届\t第{k + 1}号", f"氏名\t{L.p_name(p)}", f"フリガナ\t{L.p_kana(p)}",
                  f"生年月日\t{L.dob(p.dob, r.choice(['kanji', 'era', 'slash']))}",
                  f"現住所\t{L.p_addr(p.addr, style=r.choice(['hyphen', 'chome']), bldg=False)}",
                  f"携帯電話\t{L.p_phone(p.mobile)}", f"入社日\t2024年4月1日", ""]
    S.text(path, "\n".join(lines), L, enc="cp932")

    # a PDF form where each label sits on the line above its value, the address broken over two lines
    path = "forms/kojin_joho_moshikomisho_pdf.txt"
    r = S.rng(path)
    L = Lab()
    parts = []
    for k in range(3):
        p = make_person(r, 1950, 1999)
        a = p.addr
        head = a.region.pref + a.region.city
        tail = a.town + a.block("chome")
        broken = L.addr(head + "\n" + tail) if k != 1 else L.addr(a.render("hyphen", bldg=False))
        parts.append(f"""お申込者情報（{k + 1}）
お名前
{L.p_name(p)}
生年月日
{L.dob(p.dob, r.choice(['era', 'kanji']))}
ご住所
〒{a.postal}
{broken}
電話番号
{L.p_phone(p.home)}
""")
    S.text(path, "会員お申込書（控）\n\n" + "\n".join(parts) + "\n本書の内容は会員管理の目的にのみ利用します。", L)

    # addresses written 3丁12番地 (丁 without 目) in a rural notice
    path = "forms/jichikai_meibo_chou.txt"
    r = S.rng(path)
    L = Lab()
    towns = [("愛知県", "豊田市", "挙母町"), ("静岡県", "浜松市中央区", "元城町"), ("岐阜県", "岐阜市", "神田町"),
             ("富山県", "高岡市", "末広町"), ("石川県", "金沢市", "尾張町")]
    lines = ["自治会 班別名簿（回覧用）", ""]
    used = set()
    for k, (pref, city, town) in enumerate(towns):
        p = make_person(r, 1940, 1990, used=used)
        addr = L.addr(f"{pref}{city}{town}{r.randint(1, 6)}丁{r.randint(1, 40)}番地")
        lines.append(f"{k + 1}班　{L.p_name(p)}様　{addr}　TEL {L.p_phone(p.home)}")
    S.text(path, "\n".join(lines), L)


def gen_forms_formats(S: EvalSet):
    """Forms as they come from form software and word processors: ODT and RTF tables with label and
    value in adjacent cells, PDFs with the value on the line below its label or in a column beside it."""
    S.theme = "forms"

    # an ODT registration sheet: a two-column table per employee, the address in two paragraphs of one cell
    path = "forms/shain_kihon_jouhou_touroku.odt"
    r = S.rng(path)
    L = Lab()
    blocks = [("p", "社員基本情報登録票"), ("p", f"{L.conf('社外秘')}　人事部管理")]
    used = set()
    for k in range(3):
        p = make_person(r, 1965, 2001, used=used)
        a = p.addr
        addr = a.render(r.choice(["chome", "hyphen"]), bldg=False)
        split = len(a.region.pref + a.region.city)
        two_lines = L.addr(addr[:split] + "\n" + addr[split:]) if k == 1 else L.p_addr(a, style="hyphen", bldg=False)
        kin = make_person(r, 1940, 1975, used=used)
        blocks.append(("table", [["社員番号", f"E{2024}-{r.randint(1000, 9999)}"],
                                 ["氏名", L.p_name(p)], ["フリガナ", L.p_kana(p)],
                                 ["生年月日", L.dob(p.dob, r.choice(["era", "kanji", "slash"]))],
                                 ["現住所", two_lines], ["携帯電話", L.p_phone(p.mobile)],
                                 ["緊急連絡先（続柄）", f"{L.p_name(kin)}（{r.choice(['父', '母'])}）"],
                                 ["緊急連絡先電話", L.p_phone(kin.home)]]))
    blocks.append(("p", "記入後は人事部へ提出してください。"))
    S.odt(path, blocks, L)

    # an RTF insurance application: 契約者 and 被保険者 in table rows, saved by a word processor
    path = "forms/hoken_keiyaku_moushikomisho.rtf"
    r = S.rng(path)
    L = Lab()
    owner = make_person(r, 1960, 1990)
    insured = make_person(r, 1985, 2015)
    blocks = [("p", "生命保険契約申込書（写）"),
              ("table", [["契約者氏名", L.p_name(owner)], ["契約者フリガナ", L.p_kana(owner)],
                         ["契約者生年月日", L.dob(owner.dob, "kanji")],
                         ["契約者住所", L.p_addr(owner.addr, style="chome", bldg=False)],
                         ["電話番号", L.p_phone(owner.home)]]),
              ("p", "被保険者"),
              ("table", [["氏名", L.p_name(insured)], ["生年月日", L.dob(insured.dob, "era")],
                         ["契約者との続柄", "子"]]),
              ("p", "上記のとおり申し込みます。")]
    S.rtf(path, blocks, L)

    # a PDF membership form: each label on the line above its value
    path = "forms/kaiin_nyukai_moushikomi.pdf"
    r = S.rng(path)
    L = Lab()
    p = make_person(r, 1950, 2000)
    lines, y = pdf_form_lines("会員入会申込書", [
        ("お名前", L.p_name(p)), ("フリガナ", L.p_kana(p)),
        ("生年月日", L.dob(p.dob, r.choice(["era", "kanji"]))),
        ("ご住所", L.p_addr(p.addr, style="chome", bldg=False)),
        ("電話番号", L.p_phone(p.mobile)), ("メールアドレス", L.email(p.email))], top=790, step=40, value_at=(0, -16))
    lines.append((60, y - 60, "ご記入いただいた個人情報は会員管理の目的にのみ利用します。"))
    S.pdf(path, lines, L)

    # an English PDF application: labels in a left column, values beside them
    path = "forms/membership_application_en.pdf"
    r = S.rng(path)
    L = Lab()
    p = make_person(r, 1960, 2002)
    lines, _ = pdf_form_lines("MEMBERSHIP APPLICATION", [
        ("Surname, Given name", L.name(p.roman("LAST_first"))), ("Date of birth", L.dob(p.dob, "en_dmy_long")),
        ("Nationality", "Japan"), ("Mobile", L.p_phone(p.mobile, "intl_space")), ("E-mail", L.email(p.email))],
        top=780, step=28, value_at=(260, 0))
    S.pdf(path, lines, L)


def pdf_form_lines(title, pairs, top, step, value_at):
    """(x, y, text) of a one-page form: the title, then each label at the left margin and its value
    at value_at = (dx, dy) from the label. Returns the lines and the last label's y."""
    lines = [(200, top, title)]
    y = top
    for label, value in pairs:
        y -= step
        lines.append((60, y, label))
        lines.append((60 + value_at[0], y + value_at[1], value))
    return lines, y


def gen_passports(S: EvalSet):
    S.theme = "hr"
    path = "hr/kaigai_shucchou_tehai_2024.csv"
    r = S.rng(path)
    L = Lab()
    rows = [["社員番号", "氏名", "氏名（ローマ字）", "生年月日", "旅券番号", "旅券有効期限", "渡航先"]]
    used = set()
    for k in range(8):
        p = make_person(r, 1965, 2000, used=used)
        number = r.choice(["TK", "TR", "TZ", "MU", "TS"]) + digits(r, 7)
        rows.append([str(r.randint(100000, 399999)), L.p_name(p), L.name(p.roman("LAST_FIRST")),
                     L.dob(p.dob, "slash"), L.add("JAPAN_PASSPORT", number),
                     f"20{r.randint(27, 34)}/{r.randint(1, 12):02d}/{r.randint(1, 28):02d}",
                     r.choice(["シンガポール", "ベトナム", "米国", "ドイツ"])])
    S.csv(path, rows, L)

    path = "hr/visa_shinsei_irai.txt"
    r = S.rng(path)
    L = Lab()
    p = make_person(r, 1975, 1995)
    body = f"""総務部 渡航手配ご担当者様

来月のハノイ出張のビザ申請をお願いします。

氏名：{L.p_name(p)}
Name (as in passport): {L.name(p.roman("LAST_FIRST"))}
生年月日：{L.dob(p.dob, "kanji")}
旅券番号：{L.add("JAPAN_PASSPORT", "T" + r.choice("KRZS") + digits(r, 7))}
渡航期間：2024年6月3日〜6月7日

よろしくお願いいたします。
"""
    S.text(path, body, L)


def gen_rosters_v2(S: EvalSet):
    S.theme = "roster"

    # a TSV shipping list whose address column is 住所 and whose name column is 宛名 (with 様)
    path = "customers/hassou_atena_list.tsv"
    r = S.rng(path)
    L = Lab()
    rows = [["No", "宛名", "郵便番号", "住所", "電話番号", "品名"]]
    used = set()
    for k in range(12):
        p = make_person(r, used=used)
        pref = r.random() < 0.5
        spaced = r.random() < 0.3
        a = p.addr
        if spaced:
            addr = f"{a.region.pref} {a.region.city} {a.town} {a.block('hyphen')}"
        else:
            addr = a.render(r.choice(["hyphen", "chome"]), pref=pref, bldg=r.random() < 0.5)
        rows.append([str(k + 1), L.p_name(p) + " 様", a.postal, L.addr(addr), L.p_phone(p.mobile),
                     r.choice(["カタログ", "試供品", "請求書"])])
    S.csv(path, rows, L, enc="utf-8", delim="\t", crlf=False)

    # a CSV of gift recipients: 送付先 / お届け先住所 / 受取人
    path = "customers/gift_okurisaki_2024.csv"
    r = S.rng(path)
    L = Lab()
    rows = [["注文番号", "ご依頼主", "受取人", "お届け先住所", "お届け先電話"]]
    for k in range(10):
        buyer = make_person(r, used=used)
        to = make_person(r, used=used)
        rows.append([f"G{2024040100 + k * 7}", L.p_name(buyer), L.p_name(to, sep=r.choice([" ", ""])),
                     L.p_addr(to.addr, style="hyphen", bldg=False), L.p_phone(to.home)])
    S.csv(path, rows, L)

    # an insurance contract list: 契約者 / 被保険者 / 氏名（漢字） headings
    path = "customers/hoken_keiyaku_ichiran.csv"
    r = S.rng(path)
    L = Lab()
    rows = [["証券番号", "契約者", "契約者（カナ）", "被保険者", "生年月日", "送付先"]]
    for k in range(10):
        a = make_person(r, 1950, 1990, used=used)
        b = make_person(r, 1960, 2010, used=used, surname=a.sei)
        rows.append([f"P-{r.randint(10000000, 99999999)}", L.p_name(a), L.p_kana(a), L.p_name(b),
                     L.dob(b.dob, "slash"), L.p_addr(a.addr, style="chome", bldg=False)])
    S.csv(path, rows, L)

    # an event roster: お名前 and 氏名（漢字）/ 氏名（カナ）
    path = "customers/seminar_sankasha_0518.csv"
    r = S.rng(path)
    L = Lab()
    rows = [["受付No", "氏名（漢字）", "氏名（カナ）", "会社名", "メールアドレス"]]
    for k in range(10):
        p = make_person(r, 1965, 2000, used=used)
        rows.append([str(100 + k), L.p_name(p), L.p_kana(p), r.choice(list(COMPANIES)), L.email(p.email)])
    S.csv(path, rows, L, enc="utf-8-sig")


def gen_payment_logs(S: EvalSet):
    S.theme = "billing"

    # a payment gateway debug log: key=value pairs, upper-case cardholder names, nonces and ids
    path = "billing/payment_gateway_debug.log"
    r = S.rng(path)
    L = Lab()
    lines = []
    used = set()
    for k in range(8):
        p = make_person(r, used=used, surname=r.choice(RARER_SURNAMES) if k % 2 else None)
        brand = r.choice(["VISA", "Mastercard", "JCB"])
        card = L.card(gen_card(r, brand))
        holder = L.name(p.roman("FIRST_LAST"))
        nonce = "38" + digits(r, 16)
        nonce += str(luhn_digit(nonce))  # a 19-digit nonce that passes Luhn: not a card
        ts = f"2024-04-{k + 3:02d}T10:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}+09:00"
        lines.append(f"{ts} DEBUG authorize reqNonce: {nonce} traceId={digits(r, 16)}")
        lines.append(f"{ts} DEBUG request card_number={card} exp={r.randint(1, 12):02d}/{r.randint(26, 30)} "
                     f"cardholder_name=\"{holder}\" amount={r.randint(5, 300) * 100}")
        lines.append(f"{ts} INFO  result=approved auth_code={r.randint(100000, 999999)} brand={brand}")
    S.text(path, "\n".join(lines), L)

    # an English card statement: the holder's name in capitals next to the card words
    path = "billing/card_holder_list_en.txt"
    r = S.rng(path)
    L = Lab()
    out = ["Corporate card holders - FY2024 (finance use)", ""]
    for k in range(6):
        p = make_person(r, used=used, surname=RARER_SURNAMES[k])
        num = L.card(card_fmt(gen_card(r, "JCB" if k % 2 else "VISA"), "space"))
        out.append(f"Card holder: {L.name(p.roman('FIRST_LAST'))}   Card number: {num}   "
                   f"Expiry: {r.randint(1, 12):02d}/{r.randint(26, 30)}")
    S.text(path, "\n".join(out), L)


def gen_negatives(S: EvalSet):
    """Real-world-like text every laptop has: changelogs, manuals, code, data. No personal data."""
    S.theme = "negatives"
    E = Lab
    r = S.rng("negatives/tiff")

    def offsets(n):
        v, out = r.randint(2000, 4000), []
        for _ in range(n):
            out.append(v)
            v += 640
        return out
    lines = ["TIFF directory dump (tiffinfo -s)", "  Image Width: 2480 Image Length: 3508",
             "  Bits/Sample: 8", "  Compression Scheme: LZW", "  Rows/Strip: 16", "  64 Strips:"]
    offs = offsets(64)
    for k in range(0, 64, 6):
        lines.append("    StripOffsets: " + " ".join(str(x) for x in offs[k:k + 6]))
    # a row of four groups that passes Luhn and starts like a Diners number, as found in the wild
    body = "3848 4488 5128 576"
    lines.append("    StripByteCounts: " + body + str(luhn_digit(body.replace(" ", ""))) + " 6408 7048")
    S.text("negatives/tiffinfo_scan_0042.txt", "\n".join(lines), E())

    L = Lab()
    for v in ["Jonathan Borne", "Anna Steinborn", "Kenji Mori"]:
        L.name(v)
    for v in ["jborne@example.org", "kmori@example.org"]:
        L.email(v)
    S.text("negatives/ChangeLog.txt", """2024-03-02  Jonathan Borne  <jborne@example.org>

\t* lib/stat.c (get_stat_birthtime): Return the birthtime on file systems that
\tsupport it; fall back to ctime otherwise.  Reported by Anna Steinborn.
\t* build-aux/gitlog-to-changelog: Do not distribute a copy of
\tgitlog-to-changelog with the tarball; it is a maintainer tool.

2024-02-11  Kenji Mori  <kmori@example.org>

\t* doc/manual.texi (Adobe PostScript): Update the section on Adobe Type 1
\tfonts, first released 1985-03-12.  Born from a discussion on the list.
\t* NEWS: Mention the new --birth option of ls, added 1996/11/05.

2023-12-24  Jonathan Borne  <jborne@example.org>

\t* src/ldap.c: Confidential attribute disclosure via LDAP filters is now
\tprevented by checking the access control list first (CVE-2023-0000).
\t* tests/nonce.sh: reqNonce: 3843061514398340071 is a fixed test value.
""", L)

    S.text("negatives/http_client_trace.log", "\n".join(
        f"2024-05-0{k % 9 + 1} 12:00:{k:02d}.{r.randint(100, 999)} TRACE reqNonce: {n} session=0x{r.getrandbits(64):016x} "
        f"latency_us={r.randint(100, 99999)}"
        for k, n in enumerate(["38" + digits(r, 16) + "0" for _ in range(12)])), E())

    S.text("negatives/sensor_readings_202404.csv", "\n".join(
        ["timestamp,ch1,ch2,ch3,ch4,ch5,ch6"]
        + [f"2024-04-01T{h:02d}:00:00," + ",".join(str(r.randint(1000, 9999)) for _ in range(6)) for h in range(24)]
        + ["# space separated export of the same channels"]
        + [" ".join(str(r.randint(1000, 9999)) for _ in range(8)) for _ in range(16)]), E())

    S.text("negatives/stat_birthtime.c", """/* Portable access to a file's birth time (creation time). */
#include <sys/stat.h>
#include <time.h>

/* Adobe DNG files store their own creation date; we only read the file system's. */
struct timespec get_stat_birthtime(struct stat const *st)
{
  struct timespec t;
#if defined HAVE_STRUCT_STAT_ST_BIRTHTIMESPEC_TV_NSEC
  t = st->st_birthtimespec;          /* BSD, macOS */
#elif defined HAVE_STRUCT_STAT_ST_BIRTHTIM_TV_NSEC
  t = st->st_birthtim;               /* FreeBSD, NetBSD */
#else
  t.tv_sec = -1;                     /* unknown: 1970-01-01 would be a lie */
  t.tv_nsec = -1;
#endif
  return t;
}

static const unsigned long long test_ids[] = {
  3843061514398340071ULL, 1844674407370955161ULL, 9007199254740993ULL,
};
""", E())

    S.text("negatives/ldap_security_advisory.md", """# Security advisory 2024-02

## Confidential attribute disclosure via LDAP filters

An unauthenticated client could learn the value of attributes marked confidential by sending
search filters that test one character at a time. Servers released before 2.6.7 are affected.

## Timeline
- 2024-01-15: reported by an external researcher
- 2024-02-01: fix released
- 2024-02-03: advisory published

Keep the admin password confidential and rotate it after upgrading.
""", E())

    S.text("negatives/kaisha_enkaku_ja.txt", """当社の沿革

1985年4月12日、創業者が東京・神田で小さな印刷工房として創業しました。社名は創業の地に生まれた
活版印刷の伝統にちなんでいます。1996年11月5日に株式会社へ改組し、2003年には大阪府と福岡県に営業所を開設しました。

誕生から40年を迎える本年、当社は「社外秘」の扱いを含む情報管理規程を全面的に改訂しました。
情報漏えい事故の報道では、社外秘の資料や氏名、生年月日などが流出したと伝えられることがあります。
当社はそのような事故を防ぐため、全社員に年2回の研修を実施しています。

主な受賞歴：1998年 印刷技術賞、2012年 地域貢献賞、2021年 デザイン賞。
""", E())

    S.text("negatives/LICENSE_notice.txt", """Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND. Portions Copyright (C) 1996
Adobe Systems Incorporated. Portions born of the Steinborn patches, 2001-03-12.
Do not distribute modified copies under the original name.
""", E())

    S.text("negatives/hex_dump_firmware.txt", "\n".join(
        f"{k * 16:08x}  " + " ".join(f"{r.randrange(65536):04x}" for _ in range(8)) + "  " + " ".join(
            str(r.randint(1000, 9999)) for _ in range(4)) for k in range(24)), E())


GENERATORS = [gen_customers, gen_hr, gen_mail, gen_billing, gen_confidential, gen_news, gen_catalog_orders,
              gen_it, gen_minutes_stats, gen_fiction_history, gen_misc, gen_forms, gen_rosters_v2,
              gen_payment_logs, gen_negatives, gen_passports, gen_forms_formats]

DESCRIPTION = ("Mamori evaluation set: realistic Japanese business files with exhaustive labels of personal "
               "information and confidentiality markers. All people, numbers and addresses are fictitious. "
               "Generated by src/test/python/make_eval_set.py (deterministic).")


def build() -> EvalSet:
    S = EvalSet()
    for g in GENERATORS:
        g(S)
    return S


def labels_doc(S: EvalSet) -> dict:
    return {"version": 1, "description": DESCRIPTION,
            "files": {p: S.files[p].labels for p in sorted(S.files)}}


def readme(S: EvalSet) -> str:
    files = [S.files[p] for p in sorted(S.files)]
    by_fmt, by_theme, by_type = {}, {}, {}
    for f in files:
        by_fmt[f.fmt] = by_fmt.get(f.fmt, 0) + 1
        by_theme[f.theme] = by_theme.get(f.theme, 0) + 1
        for t, vs in f.labels.items():
            by_type[t] = by_type.get(t, 0) + len(vs)
    with_pii = sum(1 for f in files if any(t != "CONFIDENTIAL_MARKER" for t in f.labels))
    empty = sum(1 for f in files if not f.labels)
    enc_lines = [f"| `{f.path}` | {f.encoding} |" for f in files
                 if f.fmt not in ("docx", "xlsx", "eml") and f.encoding not in ("utf-8",)]
    eml_lines = [f"| `{f.path}` | {f.encoding} |" for f in files if f.fmt == "eml"]
    theme_rows = []
    for k in sorted(by_theme):
        fs = [f for f in files if f.theme == k]
        n_pii = sum(1 for f in fs if any(t != "CONFIDENTIAL_MARKER" for t in f.labels))
        n_empty = sum(1 for f in fs if not f.labels)
        theme_rows.append(f"| {k} | {len(fs)} | {n_pii} | {n_empty} |")
    return f"""# Mamori evaluation set

Realistic Japanese business files (rosters, 履歴書, HR forms with マイナンバー, business mail,
invoices with 法人番号, card payment records, confidential documents) and hard negatives
(news about leaks, catalogues with JAN/ISBN codes, order and tracking numbers, part numbers shaped
like phone numbers, logs, statistics, fiction, history), each with exhaustive labels in
`labels.json`. **Everything is fictitious**: names come from built-in lists of common Japanese
surnames and given names, addresses use real prefecture/city/town names with made-up block
numbers, e-mail domains are `example.*`, My Numbers, corporate numbers and card numbers are
random with correct check digits.

## Regenerating

    python3 src/test/python/make_eval_set.py           # wipes and rewrites this folder
    python3 src/test/python/make_eval_set.py --verify  # regenerate in memory and check

The generator uses only the Python 3.11 standard library and a fixed seed (`{SEED}`), so the
output is byte-for-byte identical on every run. Do not edit files here by hand: change the
generator. Every PII value is written through a label collector, so labels and text cannot drift.

## Contents

{len(files)} files; {with_pii} contain personal data, {empty} have no labels at all (hard negatives),
the rest carry only confidentiality markers.

| Format | Files |
|---|---:|
{chr(10).join(f"| {k} | {v} |" for k, v in sorted(by_fmt.items()))}

| Theme | Files | with personal data | no labels (`{{}}`) |
|---|---:|---:|---:|
{chr(10).join(theme_rows)}

| Label type | Distinct values (summed over files) |
|---|---:|
{chr(10).join(f"| {t} | {by_type.get(t, 0)} |" for t in TYPES)}

Plain-text files that are not plain UTF-8 (all others are UTF-8 without BOM; docx/xlsx are UTF-8
XML inside the zip). `cp932` is Windows Shift_JIS; `utf-8-sig` is UTF-8 with BOM:

| File | Encoding |
|---|---|
{chr(10).join(enc_lines)}

Mail files are RFC 822 with CRLF line ends; headers use RFC 2047 encoded words, bodies are
ISO-2022-JP (7bit), UTF-8 base64 or UTF-8 quoted-printable, some with a CSV attachment (base64):

| File | Body encoding |
|---|---|
{chr(10).join(eml_lines)}

## labels.json

```json
{{"version": 1, "description": "...",
 "files": {{"customers/kokyaku_list_202403.csv": {{"PERSON_NAME": ["山田 太郎", "ヤマダ タロウ"], "DATE_OF_BIRTH": ["1985-04-12"]}},
           "news/leak_article_20240315.txt": {{}}}}}}
```

Keys are paths relative to this folder. Every file except `labels.json` and `README.md` has an
entry; files without labels have `{{}}`. Values are the **distinct** values of each type in the
file (a set), written exactly as they appear in the decoded text (same width, spaces and
separators), except `DATE_OF_BIRTH`, which is normalised to ISO `yyyy-mm-dd`
(`昭和60年4月12日`, `S60.4.12`, `19850412` → `1985-04-12`).

## Labelling conventions

- Labels are exhaustive: every occurrence of a labelled type anywhere in the file counts,
  including letterheads, signatures, mail headers (`From:`/`To:` display names and addresses),
  quoted replies, CSV attachments inside `.eml`, and docx/xlsx cells.
- `PERSON_NAME`: kanji names with or without a space (`山田 太郎`, `山田　太郎`, `山田太郎`), kana
  readings (katakana, hiragana, half-width `ﾔﾏﾀﾞ ﾀﾛｳ`), romanised forms (`Taro Yamada`,
  `YAMADA Taro`, `TARO YAMADA` as a card holder). Honorifics are not part of the value
  (`山田 太郎 様` → `山田 太郎`). A surname used alone (`佐藤です`, `田中部長`, `佐藤様`) is labelled as its
  own value (`佐藤`). Character names in fiction are labelled. Company and organisation names are
  never labelled, even when they contain a surname (`株式会社高橋製作所`).
- `STREET_ADDRESS`: from the prefecture (or the designated city / city name when the prefecture is
  omitted) to the block number, plus the building and room when they follow on the same line,
  without the `〒` postal code. Company addresses count. Romanised addresses in English documents
  are labelled as written (`3-1-1 Shin-Yokohama, Kohoku-ku, Yokohama, Kanagawa`, postal code
  excluded). A prefecture or city alone (`本社・東京都港区`, a 都道府県 column) is not an address.
- `PHONE_NUMBER`: landline, mobile, IP (050), free dial (0120/0800) in any written form, including
  FAX numbers and company switchboards. Internal extensions (内線 2315) are not phone numbers.
- `DATE_OF_BIRTH`: only dates in a birth context (生年月日, 生まれ, Date of Birth, a birth-date column).
  Hire dates, registration dates, contract dates, event dates and holiday lists are not labelled.
- `EMAIL_ADDRESS`: every address, including role addresses (`info@…`, `no-reply@…`).
  `Message-ID` / `In-Reply-To` / `References` header values are **not** e-mail addresses.
- `CREDIT_CARD_NUMBER`: Luhn-valid numbers with a real issuer prefix, as written (plain, 4-4-4-4,
  Amex 4-6-5). Masked numbers (`****-****-****-1234`, `末尾 1234`) are not labelled. 16-digit
  numbers that fail Luhn (transaction IDs, point/gift cards, test data) are not labelled.
- `JAPAN_INDIVIDUAL_NUMBER`: valid-check-digit My Numbers used as My Numbers. Numbers in a 個人番号
  column that fail the check digit (`misc/mynumber_test_invalid.csv`) are not labelled.
- `JAPAN_CORPORATE_NUMBER`: valid-check-digit 13-digit corporate numbers. In an invoice
  registration number `T1234567890123` the 13 digits after `T` are labelled (`1234567890123`).
- `CONFIDENTIAL_MARKER`: markings that classify the document itself (header/footer, stamp, subject
  tag, banner row, a closing sentence such as "This memorandum is strictly confidential"), written
  exactly as they appear (`社外秘`, `極秘`, `部外秘`, `関係者外秘`, `取扱注意`, `Internal Only`,
  `Confidential`, `CONFIDENTIAL`, `STRICTLY CONFIDENTIAL`). A policy that merely *describes* the
  classification levels (`misc/jouhou_security_kitei_bunrui.md`) is deliberately labelled `{{}}`.
- Numbers standing in a run of numbers (TIFF strip offsets, hex dumps, measurement tables, a 19-digit
  `reqNonce`) are not card numbers or My Numbers even when a window of them passes Luhn or the check
  digit. `negatives/` holds text every laptop has (a ChangeLog, a licence, C code, an LDAP advisory,
  dumps, a company history that mentions 社外秘 and 生まれ); its only labels are the changelog's
  authors and their e-mail addresses, and `EvaluationSetTest` asserts no file there is judged above LOW.
- Forms and rosters as exports lay them out (`forms/`, and some `customers/`, `billing/` files): English
  résumés (`Date of Birth: 12 March 1985`), label and value in adjacent cells or on consecutive lines,
  an address broken over two lines (labelled with its line break), `町3丁12番地`, name columns headed
  宛名 / 受取人 / 契約者 / 氏名（漢字）, an address column headed 住所 or お届け先住所, and upper-case
  romaji cardholder names in a payment log.
- Not labelled: organisation names, postal codes alone, order/invoice/ticket numbers (12–16 digits,
  some of which pass Luhn or the corporate check digit by chance), parcel tracking numbers grouped
  4-4-4 (some pass the My Number check by chance), JAN/EAN and ISBN-13 codes, part numbers shaped
  like phone numbers, version and build numbers, IP and MAC addresses,
  pension and employment-insurance numbers (not among the types).
- `JAPAN_BANK_ACCOUNT`: 7-digit account numbers, as written, wherever a bank account is given (a 口座番号
  column, a 振込口座届, an invoice's お振込先, company accounts included). `JAPAN_PASSPORT`: passport
  numbers (2 letters + 7 digits) in a 旅券番号 column or after a passport label.
- Metadata: docx/xlsx `docProps/core.xml` creators are either a department name or a person who
  is also named (and labelled) in the body, so a detector that skips metadata loses nothing.
"""


def write(S: EvalSet, out: Path):
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for p in sorted(S.files):
        fp = out / p
        fp.parent.mkdir(parents=True, exist_ok=True)
        fp.write_bytes(S.files[p].data)
    (out / "labels.json").write_text(json.dumps(labels_doc(S), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "README.md").write_text(readme(S), encoding="utf-8")


# ---------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------

def _codec(cs: str | None) -> str:
    cs = (cs or "utf-8").lower()
    return {"shift_jis": "cp932", "iso-2022-jp": "iso2022_jp", "windows-31j": "cp932"}.get(cs, cs)


def extract_text(path: str, data: bytes, encoding: str) -> str:
    ext = path.rsplit(".", 1)[1]
    if ext == "docx":
        z = zipfile.ZipFile(io.BytesIO(data))
        doc = z.read("word/document.xml").decode("utf-8")
        paras = []
        for pm in re.finditer(r"<w:p[ >].*?</w:p>|<w:p/>", doc, re.S):
            paras.append(html.unescape("".join(re.findall(r"<w:t[^>]*>(.*?)</w:t>", pm.group(0), re.S))))
        core = html.unescape(re.sub(r"<[^>]+>", "\n", z.read("docProps/core.xml").decode("utf-8")))
        return "\n".join(paras) + "\n" + core
    if ext == "xlsx":
        z = zipfile.ZipFile(io.BytesIO(data))
        out = []
        for n in sorted(z.namelist()):
            if n.startswith("xl/worksheets/"):
                x = z.read(n).decode("utf-8")
                for row in re.findall(r"<row[^>]*>(.*?)</row>", x, re.S):
                    cells = re.findall(r"<t[^>]*>(.*?)</t>|<v>(.*?)</v>", row, re.S)
                    out.append("\t".join(html.unescape(a or b) for a, b in cells))
        core = html.unescape(re.sub(r"<[^>]+>", "\n", z.read("docProps/core.xml").decode("utf-8")))
        return "\n".join(out) + "\n" + core
    if ext == "odt":
        doc = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode("utf-8")
        return "\n".join(html.unescape(t) for t in re.findall(r"<text:p>(.*?)</text:p>", doc, re.S))
    if ext == "rtf":
        rtf = data.decode("ascii").replace("\\pard", "").replace("\\line ", "\n").replace("\\cell ", "\t").replace("\\par", "\n")
        rtf = re.sub(r"\\u(-?\d+)\?", lambda m: chr(int(m.group(1)) % 0x10000), rtf)
        return re.sub(r"\\[a-z]+-?\d* ?|[{}]", "", rtf)
    if ext == "pdf":
        return "\n".join(bytes.fromhex(h.decode()).decode("utf-16-be") for h in re.findall(rb"<([0-9A-F]+)> Tj", data))
    if ext == "eml":
        msg = BytesParser(policy=policy.default).parsebytes(data)
        out = [f"{k}: {v}" for k, v in msg.items()]
        for part in msg.walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True)
            out.append(payload.decode(_codec(part.get_content_charset())))
        return "\n".join(out)
    return data.decode("utf-8-sig" if encoding == "utf-8-sig" else encoding)


DOB_STYLES = ["iso", "slash", "slash_np", "kanji", "kanji_pad", "era", "era_dot", "era_slash", "era_pad",
              "fw_kanji", "fw_era", "en_long", "en_dmy", "dot", "en_dmy_long", "en_dmy_hyphen"]


def verify(S: EvalSet, out: Path) -> bool:
    ok = True

    def fail(msg):
        nonlocal ok
        ok = False
        print("FAIL:", msg)

    on_disk = sorted(str(p.relative_to(out)).replace("\\", "/") for p in out.rglob("*") if p.is_file())
    on_disk = [p for p in on_disk if p not in ("labels.json", "README.md")]
    lab = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    if sorted(lab["files"]) != on_disk:
        fail(f"label keys != files: {set(lab['files']) ^ set(on_disk)}")
    for p in on_disk:
        data = (out / p).read_bytes()
        f = S.files[p]
        if data != f.data:
            fail(f"{p}: bytes differ from a fresh in-memory build (non-deterministic?)")
        text = extract_text(p, data, f.encoding)
        labels = lab["files"][p]
        for t, vals in labels.items():
            if t not in TYPES:
                fail(f"{p}: unknown type {t}")
            if len(set(vals)) != len(vals):
                fail(f"{p}: duplicate values in {t}")
            for v in vals:
                if t == "JAPAN_INDIVIDUAL_NUMBER" and not mynumber_valid(v):
                    fail(f"{p}: invalid My Number {v}")
                if t == "JAPAN_CORPORATE_NUMBER" and not corp_valid(v):
                    fail(f"{p}: invalid corporate number {v}")
                if t == "CREDIT_CARD_NUMBER" and not (luhn_valid(v) and 14 <= len(re.sub(r"\D", "", v)) <= 19):
                    fail(f"{p}: invalid card {v}")
                if t == "DATE_OF_BIRTH":
                    d = dt.date.fromisoformat(v)
                    forms = {fmt_date(d, s) for s in DOB_STYLES} | {d.strftime("%Y%m%d")}
                    if not any(x in text for x in forms):
                        fail(f"{p}: DOB {v} not found in any written form")
                elif v not in text:
                    fail(f"{p}: {t} value {v!r} not found in decoded text")
    return ok


def qa_report(S: EvalSet, out: Path):
    """Reverse check (informational): candidates in the text that are not covered by a label."""
    surnames = sorted({s[0] for s in SURNAMES}, key=len, reverse=True)
    pat = {
        "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        "phone": re.compile(r"(?<![\w-])(?:\+81[- ]?\d{1,4}[- ]?\d{1,4}[- ]?\d{4}|\(?0\d{1,4}\)?[-( ]?\d{1,4}\)?[- ]?\d{3,4}|"
                            r"[０-９]{2,5}[－−ー][０-９]{1,4}[－−ー][０-９]{3,4})(?![\w-])"),
        "surname": re.compile("|".join(map(re.escape, surnames))),
        "digits12+": re.compile(r"(?<![\d])\d{4}[ -]?\d{4}[ -]?\d{4}(?:[ -]?\d{1,4})?(?![\d])"),
    }
    for p in sorted(S.files):
        f = S.files[p]
        text = extract_text(p, f.data, f.encoding)
        covered = [False] * len(text)
        for t, vals in f.labels.items():
            for v in vals:
                for m in re.finditer(re.escape(v), text):
                    for i in range(m.start(), m.end()):
                        covered[i] = True
        for k, rx in pat.items():
            miss = sorted({m.group(0) for m in rx.finditer(text) if not all(covered[m.start():m.end()])})
            if k == "email":
                miss = [m for m in miss if not re.search(r"^(Message-ID|In-Reply-To|References): .*" + re.escape(m), text, re.M)]
            if k == "digits12+":
                miss = [m + (" [MN-valid]" if mynumber_valid(m) and len(re.sub(r"\D", "", m)) == 12 else "")
                        + (" [Luhn]" if luhn_valid(m) and len(re.sub(r"\D", "", m)) >= 14 else "")
                        + (" [corp-valid]" if corp_valid(m) else "") for m in miss]
            if miss:
                print(f"QA {p} [{k}] unlabelled: {miss[:12]}{' ...' if len(miss) > 12 else ''}")


def main(argv):
    out = OUT_DIR
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1]).resolve()
    S = build()
    if "--verify" in argv:
        ok = verify(S, out)
        if "--qa" in argv:
            qa_report(S, out)
        print("verify:", "OK" if ok else "FAILED", f"({len(S.files)} files)")
        return 0 if ok else 1
    write(S, out)
    print(f"wrote {len(S.files)} files + labels.json + README.md to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
