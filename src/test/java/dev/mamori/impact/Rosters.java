package dev.mamori.impact;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated customer lists of the same persons, as exports differ in real life: other columns, a
 * changed phone number, no birth date. Values are synthetic but valid (mobile numbers, real dates).
 */
final class Rosters {

    private static final String[] SURNAMES = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"};
    private static final String[] GIVEN = {"太郎", "花子", "一郎", "美咲", "健太", "陽菜", "大輔"};

    record Person(String name, String birth, String address, String phone, String newPhone) {
    }

    private Rosters() {
    }

    static List<Person> persons(int n) {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Person(SURNAMES[i % SURNAMES.length] + " " + GIVEN[(i / SURNAMES.length + i) % GIVEN.length],
                    "%d/%02d/%02d".formatted(1950 + i, 1 + i % 12, 1 + i % 28),
                    "東京都港区芝公園%d丁目%d番%d号".formatted(1 + i % 4, 1 + i % 20, 1 + i),
                    "090-%04d-%04d".formatted(1000 + i * 7, 2000 + i * 13),
                    "080-%04d-%04d".formatted(3000 + i * 11, 4000 + i * 17)));
        }
        return out;
    }

    /** 氏名, 生年月日, 電話番号: the old phone numbers. */
    static String withBirthDates(List<Person> persons) {
        StringBuilder b = new StringBuilder("氏名,生年月日,電話番号\n");
        persons.forEach(p -> b.append(p.name()).append(',').append(p.birth()).append(',').append(p.phone()).append('\n'));
        return b.toString();
    }

    /** 氏名, 生年月日, 住所, 電話番号: the same persons a year later, every phone number changed. */
    static String withNewPhones(List<Person> persons) {
        StringBuilder b = new StringBuilder("氏名,生年月日,住所,電話番号\n");
        persons.forEach(p -> b.append(p.name()).append(',').append(p.birth()).append(',').append(p.address()).append(',')
                .append(p.newPhone()).append('\n'));
        return b.toString();
    }

    /** 氏名, 住所 only: linked to the others only through the address of the second list. */
    static String addressesOnly(List<Person> persons) {
        StringBuilder b = new StringBuilder("氏名,住所\n");
        persons.forEach(p -> b.append(p.name()).append(',').append(p.address()).append('\n'));
        return b.toString();
    }

    /** A headerless export repeating the persons row after row up to about {@code chars} characters. */
    static String repeated(List<Person> persons, int chars) {
        StringBuilder b = new StringBuilder();
        for (int row = 0; b.length() < chars; row++) {
            Person p = persons.get(row % persons.size());
            b.append(p.name()).append(',').append(p.birth()).append(',').append(p.address()).append(',').append(p.phone())
                    .append(",商品").append(row % 50).append('\n');
        }
        return b.toString();
    }
}
