# %-formatting of str: every conversion, flags, * width, dict keys, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for conv in "diouxXeEfFgGcrsa":
    for flags in ["", "-", "+", " ", "#", "0", "-0", "+0", "# ", "#0"]:
        for wp in ["", "8", ".3", "10.4", ".0"]:
            fmt = "%" + flags + wp + conv
            for v in ((65, -65, 3.75, -0.5, 1e20, 0) if conv not in "rsa" else ("Юля", 1.5, None)):
                if conv == "c" and not isinstance(v, int) or conv == "c" and v < 0:
                    continue
                t(lambda: fmt % v)
print("%s %s %s" % (1, "a", [1, 2]), "%r" % "x", "%a" % "ж€😀", "%5.2s|" % "abc", "%-6r|" % "q")
print("%*d|%-*d|%.*f|%*.*f" % (5, 42, 5, 42, 2, 3.14159, 8, 3, 2.71828))
print("%*d|" % (-6, 7), "%.*s|" % (-1, "abc"), "%%|" % (), "%c%c" % ("ы", 0x1F600))
print("%(name)s is %(age)d, %(age)x %%" % {"name": "Аня", "age": 30}, "%(a)s %(a)r" % {"a": "v"})
print("%s" % (1,), "%s" % [1], "%s" % {"k": 1}, "%d%%" % 50, "%s" % ((1, 2),), "%i" % 3.99, "%x" % True)
print("%e" % 0, "%g" % 1e-5, "%g" % 123456789, "%G" % 1e-10, "%.3g" % 0.0001234, "%#g" % 1.0, "%#.3x" % 5, "%#o" % 8)
print("%d" % 2**100, "%x" % -2**70, "%.20f" % 0.1, "%.0f" % 0.5, "%.0f" % 1.5, "%10.1e" % -12345.678, "%f" % float("inf"), "%5.1f" % float("nan"))
class I:
    def __index__(self):
        return 7
class F:
    def __float__(self):
        return 2.5
print("%x %o %c" % (I(), I(), I()) if False else "%x %o" % (I(), I()), "%f" % F())
print("" % (), "" % [], "abc" % {}, "x" % {"a": 1})
for fmt, args in [("%d", "x"), ("%d", None), ("%f", "x"), ("%x", 1.5), ("%c", "ab"), ("%c", -1), ("%c", 0x110000), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", (1,)), ("%(a)s", {}), ("%(a", {"a": 1}), ("%", ()), ("%y", 1), ("%ё", 1), ("%*d", ("a", 1)), ("%.*f", (1.5, 1.0)), ("abc %", 1), ("%d", []), ("%s %(a)s", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%10", 1), ("%z", ()), ("%(a)*d", {"a": 1})]:
    t(lambda: fmt % args)
t(lambda: 5 % "x")
t(lambda: "a" % 1)
