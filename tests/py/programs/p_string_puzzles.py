def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isascii() and ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

msg = "Hello, World! Zebra-123"
enc = caesar(msg, 3)
print(enc, "|", caesar(enc, -3), "|", caesar(msg, 13) == msg.translate(str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")))

def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
for s in ["A man, a plan, a canal: Panama", "race a car", "", "Was it a car or a cat I saw?", "А роза упала на лапу Азора"]:
    print(f"{s!r:40} {is_palindrome(s)}")

def rle_encode(s):
    if not s:
        return ""
    out, prev, n = [], s[0], 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            out.append(f"{n}{prev}")
            prev, n = ch, 1
    out.append(f"{n}{prev}")
    return "".join(out)

def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)
for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aabbbcccc"]:
    e = rle_encode(s)
    print(e, rle_decode(e) == s)

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    out = ""
    for v, sym in ROMAN:
        q, n = divmod(n, v)
        out += sym * q
    return out
def from_roman(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals[b] > v else v
    return total
for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999):
    r = to_roman(n)
    print(f"{n:>5} {r:<12} {from_roman(r)}")

words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
print([g for g in groups.values() if len(g) > 1])
print(sorted(groups.items(), key=lambda kv: -len(kv[1]))[0])
s = "The quick brown fox jumps over the lazy dog"
print(set("abcdefghijklmnopqrstuvwxyz") <= set(s.lower()), len(set(s.lower()) - {" "}))
print(" ".join(w[::-1] for w in s.split()), s.split()[::-1])
print(" ".join(w.capitalize() for w in s.lower().split()), s.title(), s.swapcase())
print(max(s.split(), key=len), sorted(s.split(), key=len)[:3])
vowels = sum(1 for c in s.lower() if c in "aeiou")
print(vowels, len(s) - s.count(" ") - vowels)
print(s.replace(" ", "")[:10], s.lower().count("o"), s.find("fox"), s.rfind("o"), s.find("cat"))
print("{:-^40}".format(" centered "), "x".join("abc"), "ab" * 3, "-" * 0 + "|")
print("camelCaseStringHere".__len__(), "".join("_" + c.lower() if c.isupper() else c for c in "camelCaseStringHere"))
print("snake_case_name".split("_"), "".join(p.title() for p in "snake_case_name".split("_")))
print("%s is %d years and %.1f%% done" % ("Bob", 42, 99.5))
print("tab\tseparated\tvalues".expandtabs(12), "a\tb".expandtabs())
print("line1\nline2\r\nline3\n".splitlines(), "line1\nline2\n".splitlines(True))
print("  x  ".lstrip() + "|", "  x  ".rstrip() + "|", "xxhixx".strip("x"), "www.example.com".removeprefix("www.").removesuffix(".com"))
