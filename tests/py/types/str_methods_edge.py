# str methods: edge cases (empty, negative/over-long indices, maxsplit, chars, Unicode)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = "Привет, мир! Hello, World! 😀"
for i in (0, 1, -1, -2, 5, 28, -29):
    t(lambda: s[i])
t(lambda: s[100])
t(lambda: s[-100])
t(lambda: ""[0])
print(s[::2], s[::-1], s[-3:], s[:-3], s[3:1], s[100:], s[-100:3])
print(s[1:20:3], s[20:1:-3], s[::-2], s[5:5])
t(lambda: s[::0])
t(lambda: s["a"])
t(lambda: s[1.5])
print(len(s), len(""), len("ё"), len("😀"))
# find family
for m in ("find", "rfind", "count"):
    f = getattr(s, m)
    print(m, f("l"), f("l", 5), f("l", -10), f("l", 0, 3), f(""), f("", 100), f("", 30), f("", 29), f("и"), f("мир", -100, 100))
print("".find(""), "".rfind(""), "".count(""), "abc".count("", 1), "abc".find("", 4), "abc".rfind("", 2))
print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "abc".find("c", None, None))
t(lambda: s.index("zzz"))
t(lambda: s.rindex("zzz"))
t(lambda: s.index("мир", 0, 5))
t(lambda: s.find(1))
t(lambda: s.count())
t(lambda: s.find("a", "b"))
print(s.index("мир"), s.rindex("l"), "abcabc".rindex("b", 0, 4))
# split
tests = ["", " ", "  a  b  ", "a,b,,c,", ",", "a b\tc\nd\x0be\x0cf\rg\x1ch\x85i\u2003j", "один  два   три"]
for x in tests:
    print(repr(x), x.split(), x.split(None, 1), x.rsplit(None, 1), x.split(","), x.rsplit(",", 1), x.split(",", 0), x.split(maxsplit=-1))
t(lambda: "a".split(""))
t(lambda: "a".rsplit(""))
t(lambda: "a b".split(sep=" ", maxsplit=1))
t(lambda: "a b".split(1))
t(lambda: "a b c d".rsplit(" ", 2))
t(lambda: "a b".split(" ", "1"))
t(lambda: "aXbXc".split("X", maxsplit=1.0))
# splitlines
for x in ["", "a", "a\n", "a\nb", "a\r\nb\rc\n\nd", "x\x0by\x0cz\x1c\x1d\x1e\x85\u2028\u2029end", "\n\n"]:
    print(x.splitlines(), x.splitlines(True), x.splitlines(keepends=True))
# strip
for x in ["", "  ", " \t\nabc \r\n", "xxabcxx", "привет!!", "\u3000ш\u3000"]:
    print(repr(x.strip()), repr(x.lstrip()), repr(x.rstrip()), repr(x.strip("x!")), repr(x.strip("")), repr(x.strip(None)))
t(lambda: "a".strip(1))
t(lambda: "a".strip("a", "b"))
# partition
for x in ["a=b=c", "abc", "", "=", "ключ=значение"]:
    print(x.partition("="), x.rpartition("="))
t(lambda: "a".partition(""))
t(lambda: "a".rpartition(""))
t(lambda: "a".partition(None))
# replace
print("aaa".replace("a", "bb"), "aaa".replace("a", "b", 2), "aaa".replace("a", "b", -1), "aaa".replace("a", "b", 0))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "x"), "мир".replace("и", "ИИ"))
t(lambda: "a".replace("a"))
t(lambda: "a".replace(1, "b"))
# prefix/suffix
print("hello".startswith("he"), "hello".startswith(("x", "he")), "hello".startswith("l", 2), "hello".startswith("", 5), "hello".startswith("", 6))
print("hello".endswith("lo"), "hello".endswith("l", 0, 4), "hello".endswith(("a", "b")), "hello".endswith("hello", -100), "".endswith(""))
t(lambda: "a".startswith(["a"]))
t(lambda: "a".endswith(1))
t(lambda: "a".startswith(("a", 1)))
print("prefix_x".removeprefix("prefix_"), "x".removeprefix("y"), "a.py".removesuffix(".py"), "".removesuffix(""))
# case
for x in ["hello world", "HELLO", "hELLO wORLD", "ßtraße", "ﬁ", "ǅ", "they're bill's", "ΣΑΣ", "привет мир", "ПРИВЕТ", "a1b2", "İ", "123abc", "o'neil mc-donald"]:
    print(x.upper(), x.lower(), x.title(), x.capitalize(), x.swapcase(), x.casefold())
# predicates
for x in ["", "abc", "ABC", "Abc", "123", "½", "²", "١٢", "a b", " ", "\t\n", "Привет", "ПРИВЕТ", "Hello World", "Hello world", "_id1", "1id", "def", "\x00", "é", "😀", "Ⅻ"]:
    print(repr(x), x.isalpha(), x.isdigit(), x.isdecimal(), x.isnumeric(), x.isalnum(), x.isspace(), x.isupper(), x.islower(), x.istitle(), x.isidentifier(), x.isprintable(), x.isascii())
