import math
x, y, name = 42, 3.14159, "world"
print(f"{x} {y:.2f} {name!r} {name!s} {name!a} {'é'!a} {x:>8} {x:<8}| {x:^8} {x:08d} {x:+d} {x:x} {x:X} {x:#x} {x:o} {x:#o} {x:b} {x:#b}")
print(f"{x:,} {1234567.891:,.2f} {1234567:_} {0.25:%} {0.25:.1%} {1e10:e} {1e-5:g} {123.456:E} {y:10.3f}|{y:<10.3}|")
print(f"{x=} {y = :.1f} {name=!s} {x + 1=} {name.upper()=}")
w, p = 10, 3
print(f"{y:{w}.{p}f}|{name:{'>'}{w}}|{x:{'#'}{'x'}}")
print(f"{{literal}} {{{x}}} {'{'}")
print(f"{'nested ' + f'{x}'}", f'''{"triple"}''', f"{3 if x else 4}", f"{[i for i in range(3)]}", f"{ {'a': 1}['a'] }")
print(f"{math.pi:.3f} {math.e!r:>20}")
print(f"{None} {True:d} {True} {b'x'} {[1, 'a']} {(1,)} {x!r:>5}")
print(F"upper F {x}", rf"raw {x}\n", fr"raw2\t{name}")
print(f"{'a' 'b'}", f"{x}" f"{y}" "plain" f"{name}")
print(f"{3.0:g} {1/3:.3} {2.5:.0f} {3.5:.0f} {-0.0} {1e300*10} {-1e300*10} {float('nan')}")
print(f"{'left':*<10}{'right':*>10}{'mid':*^11}")
print(f"{12345:>+10,}", f"{-42:=8}", f"{42:=+8}", f"{'s':5}", f"{5:5}", f"{'x':!<3}")
print(f"{1_000_000:_x}", f"{255:08b}", f"{3.14159:.2e}", f"{100:c}" if False else f"{65:c}")
class Fmt:
    def __format__(self, spec): return f"Fmt({spec!r})"
    def __repr__(self): return "ReprFmt"
    def __str__(self): return "StrFmt"
print(f"{Fmt()} {Fmt():abc} {Fmt()!r} {Fmt()!s:>10}|")
print(f"{x:{'>' if x else '<'}10}|")
d = {"k": "v"}
print(f"{d['k']}")
print(f"""multi
line {x}""")
print(f"{x:}", f"{'':>3}|", f"{name[1:3]}", f"{name[::-1]}")
try: f"{x:q}"
except ValueError as e: print(e)
try: f"{'s':d}"
except ValueError as e: print(e)
try: format(1.5, "d")
except ValueError as e: print(e)
print(format(12, ""), format("abc", ""), format(3.0), str.format("{0}{1}{0}", "a", "b"), "{:>{}}".format("z", 4), "{name}{0}".format(1, name="n"), "{0[1]} {1.real}".format([5, 6], 7))
print("%d %5.2f %-5s| %r %x %o %e %%" % (5, 3.14159, "ab", "q", 255, 8, 12345.678))
print("%(a)s-%(b)d" % {"a": "A", "b": 2}, "%c%c" % (65, "b"), "%*d" % (5, 42), "%.3s" % "abcdef", "%+d %+d" % (5, -5), "% d" % 5)
# lambdas
sq = lambda n: n * n
print(sq(5), (lambda: "noargs")(), (lambda *a: sum(a))(1, 2, 3), (lambda a, b=2: a + b)(1), (lambda **k: k)(a=1))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(filter(lambda v: v % 2, range(6))))
print(sq.__name__, (lambda: 0).__code__.co_name if hasattr((lambda: 0), "__code__") else "")
rec = lambda n: 1 if n < 2 else n * rec(n - 1)
print(rec(10))
# decorators with arguments
import functools
def repeat(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(who="x"):
    "say hi"
    return "hi " + who
print(hi("bob"), hi.__name__, hi.__doc__, hi.__wrapped__("z"))
def trace(prefix):
    def deco(fn):
        def wrapper(*a):
            print(prefix, fn.__name__, a)
            return fn(*a)
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def add(a, b): return a + b
print(add(1, 2))
def deco_order(tag):
    print("evaluating", tag)
    def d(f):
        print("applying", tag)
        return f
    return d
@deco_order("A")
@deco_order("B")
def order(): pass
class Reg:
    funcs = {}
    @classmethod
    def register(cls, name):
        def d(f):
            cls.funcs[name] = f
            return f
        return d
@Reg.register("one")
def one(): return 1
print(Reg.funcs["one"](), one())
@lambda f: f()
def immediate(): return "ran at def"
print(immediate)
@(lambda f: f)
def paren(): return "paren"
print(paren())
def counted(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@counted
def noop(): pass
noop(); noop(); print(noop.calls)
class Dec:
    def __init__(self, f): self.f = f; self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@Dec
def tw(x): return x * 2
print(tw(4), tw(5), tw.n)
class Meth:
    @Dec
    def m(x): return x
print(Meth.m(7))
# decorated method with property stacking
class PC:
    @property
    @functools.lru_cache()
    def val(self): print("computing"); return 99
pc = PC(); print(pc.val, pc.val)
