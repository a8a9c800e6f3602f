text = """Мороз и солнце; день чудесный!
Ещё ты дремлешь, друг прелестный —
Пора, красавица, проснись:
Открой сомкнуты негой взоры
Навстречу северной Авроры,
Звездою севера явись!"""

print(len(text), len(text.encode("utf-8")), len(text.splitlines()))
words = [w.strip(",;:!—.").lower() for w in text.split()]
words = [w for w in words if w]
print(words[:6])
print(sorted(set(words))[:8])
from collections import Counter
letters = Counter(ch for ch in text.lower() if ch.isalpha())
print(letters.most_common(5))
print(text.upper().splitlines()[0])
print(text.title().splitlines()[1])
print(text.swapcase()[:20])
print("ёлка".capitalize(), "ЁЛКА".lower(), "ёж".upper(), "straße".upper(), "ǅ".lower())
line = text.splitlines()[0]
print(line[::-1])
print(line[5:11], line[-8:], line.find("солнце"), line.index("день"), line.count("о"))
print(line.replace("солнце", "SUN"), line.startswith("Мороз"), line.endswith("!"))
for w in ["Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург"]:
    print(f"|{w:<16}|{w:>16}|{w:^16}|{w:*^16}|")
print("%-10s|%10s|" % ("Привет", "мир"))
print("%5.1f%% — %s" % (42.345, "готово"))
print(repr("Привет"), ascii("Привет"), str("Привет".encode()))
print("Привет".encode("utf-8"))
print(b"\xd0\x9f\xd1\x80\xd0\xb8".decode("utf-8"))
print([ord(c) for c in "Ая"], chr(1046), "\u0416")
print("а" < "б" < "я" < "ё", sorted("ёжик"), max("привет"))
print("один,два,,три".split(","), "  пробелы  ".strip(), "раз два".partition(" "))
print("-".join(reversed("один два три".split())))
print("Съешь же ещё этих мягких французских булок".isalpha(), "Булка".isalpha(), "123".isdigit(), "١٢٣".isdecimal())
print("ПРИВЕТ".isupper(), "привет".islower(), "Привет Мир".istitle())
print("кот".center(9, "·"), "кот".zfill(6), "кот".ljust(5, "_") + "|")
table = str.maketrans("абв", "abv")
print("баобаб".translate(table))
print("test".encode("ascii"), "té".encode("latin-1"), len("😀"), len("😀".encode()), "😀".encode("utf-8"))
print(f"{'ширина':=^20}", f"{3.14159:10.3f}|", f"{'й'!r}", f"{'й'!a}")
print("Hello, мир!".casefold(), "ΣΊΣΥΦΟΣ".lower(), "ﬁ".upper())
