# match: mapping patterns: keys looked up with get(), **rest, which subjects
import collections
import collections.abc


def m(x):
    match x:
        case {}:
            return "mapping (empty pattern)"
    return "not a mapping: " + type(x).__name__


for v in [{}, {1: 2}, collections.OrderedDict(), collections.defaultdict(int),
          collections.Counter("ab"), collections.ChainMap({}), collections.UserDict(),
          type.__dict__, [], (), "", set(), 0]:
    print(m(v))


def keys(x):
    match x:
        case {"a": 1, "b": b}:
            return "a is 1, b = %r" % (b,)
        case {"a": a, **rest}:
            return "a = %r, rest = %r" % (a, rest)
        case {1: one, 2.5: two, None: n, False: t}:
            return "literal keys %r %r %r %r" % (one, two, n, t)
    return "no"


for v in [{"a": 1, "b": 2}, {"a": 1, "b": 2, "c": 3}, {"a": 2}, {"a": 5, "x": 6, "y": 7},
          {1: "one", 2.5: "two", None: "n", False: "t"}, {"b": 2}, {}]:
    print(keys(v))

# **rest is a new dict without the matched keys
d = {"k": 1, "j": 2}
match d:
    case {"k": _, **rest}:
        print(rest, rest is d, type(rest).__name__)
match collections.OrderedDict(x=1, y=2):
    case {**everything}:
        print(type(everything).__name__, everything)


# defaultdict: a missing key does not call the factory
dd = collections.defaultdict(list, {"a": 1})
match dd:
    case {"zzz": _}:
        print("never")
    case {"a": v}:
        print("a", v)
print(sorted(dd))


# a dict subclass with __missing__: not called either
class Missing(dict):
    def __missing__(self, key):
        print("  __missing__", key)
        return "made up"


match Missing(a=1):
    case {"b": b}:
        print("b", b)
    case {"a": a}:
        print("a", a)


# keys are looked up through the mapping's own get(), with a sentinel default
class Tracing(collections.abc.Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, key):
        print("  getitem", key)
        return self.d[key]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        print("  len")
        return len(self.d)

    def get(self, key, default=None):
        print("  get", key, "default is a sentinel:", default is not None)
        return self.d.get(key, default)


match Tracing(x=1, y=2):
    case {"x": 1, "y": y, **r}:
        print("y", y, "rest", r)
match Tracing(x=1):
    case {"x": 1, "y": _}:
        print("never: the length check fails first")
    case {"q": _}:
        print("never")
    case _:
        print("no q")


# a dict subclass overriding get: that get is used
class GetDict(dict):
    def get(self, key, default=None):
        print("  GetDict.get", key)
        return "from get"


match GetDict(a=1):
    case {"a": v}:
        print(v)


# keys may be dotted names, evaluated when the pattern runs
class K:
    A = "a"
    B = "b"


match {"a": 1, "b": 2}:
    case {K.A: x, K.B: y}:
        print(x, y)

# nested mappings and sequences
config = {"server": {"host": "h", "ports": [80, 443]}, "debug": True}
match config:
    case {"server": {"host": str(host), "ports": [first, *others]}, "debug": True}:
        print(host, first, others)

# keys equal by hash and ==: 1, 1.0 and True are the same key
match {1: "x"}:
    case {1.0: v}:
        print("1.0 finds 1:", v)
match {True: "t"}:
    case {1: v}:
        print("1 finds True:", v)
