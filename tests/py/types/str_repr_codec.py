# repr/ascii/ord/chr, escapes, encode/decode with errors, iterators, misc ops
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in ["", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\n\t\r\x00\x07\x1b\x7f", "\x80\x9f\xa0\xad\xff", "Привет", "😀", "\u200b\u2028\ufeff", "\ud7ff", "\U0001f600\U000e0001", "é\u0301", "\u0378", "\U0010ffff", "日本語"]:
    print(repr(s), ascii(s), len(s), str(s) == s, [ord(c) for c in s][:6])
print(repr(["a", 'b"', "c'"]), ascii(["ё", {"й": b"\xff"}]), str(("x",)), repr(("x",)))
print(chr(0), repr(chr(127)), chr(1103), chr(0x1F600), ord("ё"), ord("\n"), ord(b"a"), ord(bytearray(b"z")))
t(lambda: chr(-1))
t(lambda: chr(0x110000))
t(lambda: chr("a"))
t(lambda: ord("ab"))
t(lambda: ord(""))
t(lambda: ord(1))
t(lambda: ord(b"ab"))
# encode / decode
s = "Héllo Wörld ж 😀"
for enc in ["utf-8", "UTF8", "utf_8", "ascii", "latin-1", "latin1", "iso-8859-1"]:
    for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        t(lambda: s.encode(enc, err))
t(lambda: s.encode("nope"))
t(lambda: s.encode("ascii", "nope"))
t(lambda: s.encode(errors="strict", encoding="ascii"))
t(lambda: "x".encode(1))
for b in [b"abc", b"\xd0\xb6", b"\xff\xfe", b"a\x80b", b"\xe2\x82", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80", b"\xc0\xaf"]:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
            t(lambda: b.decode(enc, err))
t(lambda: str(b"\xff", "utf-8"))
t(lambda: str(b"abc", "ascii"))
t(lambda: str(b"abc", encoding="latin-1", errors="strict"))
t(lambda: str("x", "utf-8"))
t(lambda: str(1, "utf-8"))
print(str(), str(1), str(b"x"), str(None), str([1, "a"]), str(1.0), str(-0.0), str(True))
# iterators and type names
for s in ["abc", "жук", "", "a😀"]:
    it = iter(s)
    print(type(it).__name__, list(it), list(reversed(s)), next(iter(s), None))
it = iter("ab"); next(it); print(list(it), list(it))
print(type(iter(b"x")).__name__, type(iter(bytearray(b"x"))).__name__, type(reversed("x")).__name__)
# operators
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "" * 5, "a" + "b", "Ж" * 2)
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a", "я" > "а", "Z" < "a", "é" > "z", "😀" > "\uffff")
print("a" == "a", "a" != "a", "a" == 1, "a" != None, "ab" in "cabd", "" in "", "x" not in "abc", "ж" in "жук")
t(lambda: "a" < 1)
t(lambda: "a" + 1)
t(lambda: 1 + "a")
t(lambda: "a" * "b")
t(lambda: "a" * 1.5)
t(lambda: 1 in "a")
t(lambda: "a" - "b")
t(lambda: -"a")
s = "hello"
t(lambda: s.__setitem__(0, "j"))
print(hash("abc") == hash("ab" + "c"), "abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(-1), str.__add__("a", "b"))
print(sorted(["b", "A", "a", "B", "ё", "е"]), max("hello"), min("hello"), "".join(sorted("сортировка")))
print("a,b".join("xyz"), ", ".join(["x"]), "".join(()), "-".join(str(i) for i in range(3)), " ".join({"k": 1}))
t(lambda: ", ".join([1, 2]))
t(lambda: ", ".join(["a", None]))
t(lambda: ", ".join(5))
class S(str):
    pass
x = S("sub")
print(type(x).__name__, x.upper(), type(x.upper()).__name__, type(x + "a").__name__, type(x[0]).__name__, type(str(x)).__name__, x == "sub", repr(x), f"{x}", "%s" % x)
print(str.maketrans("abc", "xyz"), "abcabc".translate(str.maketrans("abc", "xyz", "c")), "hello".translate({ord("l"): None, ord("o"): "0"}), str.maketrans({"a": "b", 98: None}))
t(lambda: str.maketrans("ab", "c"))
t(lambda: str.maketrans({"ab": 1}))
t(lambda: str.maketrans(1))
print("tab\tsep\tx".expandtabs(), "a\tb".expandtabs(3), "a\tb\nxy\tz".expandtabs(4), "Ж\tq".expandtabs(2))
print("42".zfill(5), "-42".zfill(5), "+ab".zfill(6), "".zfill(2), "Ж".zfill(3), "abc".center(8, "ж"), "abc".center(6), "ab".center(5), "abc".ljust(2))
t(lambda: "a".center(5, "ab"))
t(lambda: "a".center(5, 1))
t(lambda: "a".center("5"))
t(lambda: "a".ljust())
t(lambda: "a".zfill(None))
