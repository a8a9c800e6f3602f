class Base:
    def __init__(self, v): self.v = v
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
    def __eq__(self, o): print("Base.eq"); return NotImplemented
    def __lt__(self, o): return "Base.lt"
    def __gt__(self, o): return "Base.gt"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
    def __eq__(self, o): print("Sub.eq"); return NotImplemented
    def __gt__(self, o): return "Sub.gt"
print(Base(1) + Sub(2), Sub(1) + Base(2), Base(1) < Sub(2), Sub(1) < Base(2))
print(Base(1) == Sub(1))
class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == getattr(o, "v", None)
print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq.__ne__ is object.__ne__ if hasattr(object, "__ne__") else "")
class StrOnly:
    def __str__(self): return "str-only"
print(str(StrOnly()), repr(StrOnly()).startswith("<__main__.StrOnly object at 0x"), f"{StrOnly()}", "%s" % StrOnly())
class ReprOnly:
    def __repr__(self): return "repr-only"
print(str(ReprOnly()), [ReprOnly()], (ReprOnly(),), {1: ReprOnly()}, f"{ReprOnly()}")
try: Base(1) + 1 - 1
except TypeError as e: print(e)
class NoOps: pass
for op in ["a + b", "a - b", "a * b", "a / b", "a // b", "a % b", "a ** b", "a << b", "a & b", "a @ b", "-a", "~a", "+a", "a < b", "a >= b", "abs(a)", "len(a)", "a[0]", "a()", "iter(a)", "next(a)", "hash(a) and 0", "1 in a"]:
    try:
        a, b = NoOps(), 3
        eval_result = eval(op) if False else None
    except TypeError as e:
        print(e)
def check(expr, f):
    try:
        f()
        print(expr, "ok")
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
n = NoOps()
check("n + 1", lambda: n + 1)
check("1 - n", lambda: 1 - n)
check("n * 'a'", lambda: n * "a")
check("n / n", lambda: n / n)
check("n ** 2", lambda: n ** 2)
check("pow(n, 2, 3)", lambda: pow(n, 2, 3))
check("n @ n", lambda: n @ n)
check("-n", lambda: -n)
check("~n", lambda: ~n)
check("+n", lambda: +n)
check("abs(n)", lambda: abs(n))
check("n < 1", lambda: n < 1)
check("n >= n", lambda: n >= n)
check("len(n)", lambda: len(n))
check("n[0]", lambda: n[0])
check("n()", lambda: n())
check("iter(n)", lambda: iter(n))
check("next(n)", lambda: next(n))
check("1 in n", lambda: 1 in n)
check("n[0] = 1", lambda: n.__setitem__(0, 1) if False else exec("n[0] = 1") if False else None)
check("[1] + (2,)", lambda: [1] + (2,))
check("'a' + 1", lambda: "a" + 1)
check("1 + 'a'", lambda: 1 + "a")
check("'a' * 'b'", lambda: "a" * "b")
check("[] * 1.5", lambda: [] * 1.5)
check("None + None", lambda: None + None)
check("{} < {}", lambda: {} < {})
check("1 < 'a'", lambda: 1 < "a")
check("[1] < (1,)", lambda: [1] < (1,))
five = 5
check("int()()", lambda: five())
check("len(5)", lambda: len(5))
check("hash([])", lambda: hash([]))
check("{[]: 1}", lambda: {[]: 1})
check("set([[1]])", lambda: set([[1]]))
check("sum(['a'])", lambda: sum(["a", "b"]))
check("sum(['a'], '')", lambda: sum(["a"], ""))
check("sorted([1, 'a'])", lambda: sorted([1, "a"]))
check("max()", lambda: max())
check("min([])", lambda: min([]))
check("'x'.join([1])", lambda: "x".join([1]))
check("int(None)", lambda: int(None))
check("float([])", lambda: float([]))
check("ord('ab')", lambda: ord("ab"))
check("chr('a')", lambda: chr("a"))
check("isinstance(1, 1)", lambda: isinstance(1, 1))
check("getattr(1, 2)", lambda: getattr(1, 2))
check("range(1.5)", lambda: range(1.5))
check("list(1)", lambda: list(1))
check("dict(1)", lambda: dict(1))
check("iter(5)", lambda: iter(5))
check("f(1, 2, 3)", lambda: check.__call__(1, 2, 3))
# __call__ errors for user functions
def f(a, b=1, *, c): pass
def g(a, /, b): pass
def h(): pass
def k(**kw): pass
check("f()", lambda: f())
check("f(1, 2, 3)", lambda: f(1, 2, 3))
check("f(1, d=1, c=2)", lambda: f(1, d=1, c=2))
check("f(1, a=1, c=1)", lambda: f(1, a=1, c=1))
check("f(1)", lambda: f(1))
check("g(a=1, b=2)", lambda: g(a=1, b=2))
check("h(1)", lambda: h(1))
check("h(x=1)", lambda: h(x=1))
check("k(1)", lambda: k(1))
def many(a, b, c, d): pass
check("many(1)", lambda: many(1))
check("many(1, 2)", lambda: many(1, 2))
def kwo(*, x, y, z): pass
check("kwo()", lambda: kwo())
check("kwo(x=1)", lambda: kwo(x=1))
class M:
    def meth(self, a): pass
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(x): pass
check("M().meth()", lambda: M().meth())
check("M().meth(1, 2)", lambda: M().meth(1, 2))
check("M.meth(1)", lambda: M.meth(1))
check("M.cm(1)", lambda: M.cm(1))
check("M.sm()", lambda: M.sm())
check("M(1)", lambda: M(1))
check("lambda", lambda: (lambda x: x)())
# __len__ returning huge / non-int
class BigLen:
    def __len__(self): return 2 ** 100
check("len(BigLen())", lambda: len(BigLen()))
class FloatLen:
    def __len__(self): return 1.0
check("len(FloatLen())", lambda: len(FloatLen()))
class IdxBad:
    def __index__(self): return "x"
check("[1][IdxBad()]", lambda: [1][IdxBad()])
# __iter__ returning non-iterator
class BadIter:
    def __iter__(self): return 5
check("iter(BadIter())", lambda: iter(BadIter()))
# __contains__ falls back to __iter__
class ItOnly:
    def __iter__(self): return iter([1, 2])
print(2 in ItOnly(), 3 in ItOnly())
# __bool__ fallback to __len__, truth of various
print([bool(v) for v in [0, 0.0, 0j, "", (), [], {}, set(), None, range(0), b"", 1, "a", [0], NoOps()]])
# __getitem__ with slices
class Sl:
    def __getitem__(self, k): return k
s = Sl()
print(s[1:2], s[::], s[1:2:3], s[:, 1], s[..., None], s[1,], s["a":"b"])
# __eq__ used by list.index / in / count / remove
class Any:
    def __eq__(self, o): return True
print([1, 2, 3].index(Any()), Any() in [5], [1, 2].count(Any()))
# __hash__ and __eq__ in dict/set
class Key:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k % 3)
    def __eq__(self, o): return self.k == o.k
print(len({Key(1), Key(4), Key(1)}), {Key(2): "a"}[Key(2)])
# object identity ops
o1 = object(); print(o1 == o1, o1 != object(), hash(o1) == hash(o1), type(o1.__hash__()).__name__)
print(type(object.__repr__(o1)).__name__, object.__str__(ReprOnly()), object.__eq__(o1, o1), object.__eq__(o1, 1), object.__ne__(o1, 1))
# __dir__
class WithDir:
    def __dir__(self): return ["b", "a"]
print(dir(WithDir()))
print([a for a in dir(M) if not a.startswith("__")])
# __init_subclass__ + __set_name__ via type()
class Named:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
T = type("T", (), {"attr": Named()})
# __class_getitem__
class Gen:
    def __class_getitem__(cls, item): return f"{cls.__name__}[{item!r}]"
print(Gen[int], Gen["x"])
print(list[int], dict[str, int])
# __reversed__, __length_hint__ not needed; reversed with __len__/__getitem__
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return "abc"[i]
print(list(reversed(Rev())))
class RevM:
    def __reversed__(self): return iter("zyx")
print(list(reversed(RevM())))
# __missing__ only for dict subclasses; __index__ for slicing
class I:
    def __index__(self): return 2
print("abcdef"[I():I() * 2 if False else 4], [0, 1, 2, 3][I()], range(10)[I()], hex(I()))
# __enter__ returns something else
class CMx:
    def __enter__(self): return 5
    def __exit__(self, *a): return None
with CMx() as val: print(val)
# __call__ on class with metaclass vs instance
class CallMe:
    def __call__(self): return "instance called"
print(CallMe()(), callable(CallMe), callable(CallMe()), callable(NoOps()), callable(len), callable(None))
