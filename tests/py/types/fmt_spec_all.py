# format-spec mini-language: str, int, float, nested specs, !r/!s/!a, =
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for spec in ["", "10", "<10", ">10", "^10", "*^11", "-<5", ".2", "10.3", "^", "0>5", "ж^9", "😀<4", "s", ">3s"]:
    t(lambda: format("мир", spec))
    t(lambda: format("hello", spec))
for spec in ["", "d", "5d", "<5", "^7", "=+8", "+", "-", " ", "08", "+08", "#x", "#X", "#o", "#b", "x", "o", "b", "c", ",", "_", "_x", "_b", "010,", "#010x", "n", "e", ".2f", "%", "g", "*>+10,", "0=10", "E", ".3"]:
    for v in (0, 42, -42, 123456789, True):
        t(lambda: format(v, spec))
for spec in ["", "f", ".0f", ".1f", "10.3f", "<10.2f", "^12.4e", "+.3g", "g", ".10g", "e", "E", "%", ".1%", ",", ",.2f", "_.3f", "012.3f", "=+12.2f", "#g", "#.0f", "#.0e", ".0e", "G", "n", ".3n", "z.1f", "r", "10", ".2", ".20g"]:
    for v in (0.0, -0.0, 1.5, -2.5, 3.14159, 1e10, 1e-7, 123456.789, 1e16, float("inf"), float("nan"), 2.5e-5, 10):
        t(lambda: format(v, spec))
# errors
for v, spec in [("s", "d"), ("s", "+"), ("s", "#"), ("s", "=5"), ("s", ",") , (1, "s"), (1, ".2d"), (1.5, "d"), (1.5, "x"), (1, ",_"), (1, "_,"), (1, "j"), ("x", "z"), (1, "=.1"), ("x", ".."), (1, "c"), (-1, "c"), (1, "#c"), (1, "+c"), (1.0, "c"), (None, "5"), (None, ""), ([1], ""), ([1], "s"), (1, "\x01")]:
    t(lambda: format(v, spec))
# str.format
print("{} {} {}".format(1, "a", [2]))
print("{0}{1}{0}".format("ab", "cd"))
print("{x}-{y}".format(x=1, y=2), "{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 3))
print("{:{w}.{p}f}|{:>{}}".format(3.14159, "ab", 6, w=10, p=2))
print("{!r} {!s} {!a} {!r:>10}".format("й", "й", "й", "й"))
print("{{}} {{{0}}} }}{{".format(7))
print("{0:{1}}".format("x", "^5"), "{:%Y}".format(1) if False else "")
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
    def __repr__(self):
        return "P-repr"
print("{:abc} {!r:>8} {}".format(P(), P(), P()), format(P(), "xyz"), f"{P():q}")
for fs in ["{", "}", "{0", "{0!}", "{0!x}", "{0:", "{a", "{1}", "{}{0}", "{0}{}", "{x}", "{0.}", "{0[}", "{0[0]x}", "{:{:{}}}", "{!r", "{0]"]:
    t(lambda: fs.format("v"))
t(lambda: "{0[5]}".format([1]))
t(lambda: "{0.nope}".format(1))
t(lambda: "{0[a]}".format({}))
t(lambda: "{a[0]}".format_map({"a": "xyz"}))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map(D(a=1)))
# f-strings
x, y, name = 42, 3.14159, "Мир"
print(f"{x} {x!r} {x:>5} {x:<5}| {x:^7} {x:08.2f} {x:#x} {x:,} {y:.2f} {y:10.3e} {name!a} {name:*^9}")
print(f"{x=} {y=:.1f} {name=!s} {name = }")
print(f"{'nested'} {x + 1} {[1, 2][0]} {{x}} {x:{'>'}{10}} {y:{4}.{2}}")
w, p = 12, 3
print(f"[{y:{w}.{p}f}] [{y:<{w}}] [{'abc':{'^'}{w}}]")
print(f"{3.0} {1e100} {1/3} {-0.0} {2**64} {None} {True:d} {True} {b'x'}")
print(f"{'a' 'b'}" f"{x}" "c" f'{x!r:>{w}}')
d = {"k": 1}
print(f"{d['k']} {d}")
print(f"{x:{'0'}{5}d}", f"{-x:05}", f"{x:_b}", f"{12345678:_x}", f"{0.000001234:g}", f"{1234567.0:g}", f"{1e-5:%}")
