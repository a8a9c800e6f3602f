# match: class patterns: isinstance, __match_args__, keywords, builtins
import collections


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return "3d on the floor at %r,%r" % (x, y)
        case Point(x=0, y=y):
            return "on the y axis at %r" % y
        case Point(x, 0):
            return "on the x axis at %r" % x
        case Point3(_, _, z):
            return "3d at height %r" % z
        case Point():
            return "some point"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Point3(1, 2, 0),
          Point3(0, 0, 0), Point3(1, 2, 3), "point"]:
    print(where(p))


# the builtins that match their subject itself with one positional pattern
def builtin(x):
    match x:
        case bool(b):
            return "bool %r" % b
        case int(i):
            return "int %r" % i
        case float(f):
            return "float %r" % f
        case str(s):
            return "str %r" % s
        case bytes(b) | bytearray(b):
            return "bytes-like %r" % (b,)
        case list(l) | tuple(l):
            return "list or tuple %r" % (l,)
        case dict(d):
            return "dict %r" % d
        case set(s) | frozenset(s):
            return "set %r" % (sorted(s),)
        case _:
            return "other %s" % type(x).__name__


for v in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), [1], (2,), {"k": 1}, {3}, frozenset({4}),
          None, 1j, collections.OrderedDict(a=1)]:
    print(builtin(v))


# subclasses keep the behaviour ...
class MyInt(int):
    pass


match MyInt(5):
    case int(n):
        print("MyInt as int:", n, type(n).__name__)


# ... until they define __match_args__
class Named(int):
    __match_args__ = ("real",)


match Named(7):
    case Named(r):
        print("real", r)

# keyword patterns on builtins read attributes
match 3 + 4j:
    case complex(real=r, imag=i):
        print(r, i)
match "text":
    case str(upper=u):
        print(u())
match 5:
    case int(real=5, imag=0):
        print("int attributes")


# a missing attribute means no match; other errors propagate
class Lazy:
    __match_args__ = ("a", "b")

    @property
    def a(self):
        return "A"

    @property
    def b(self):
        raise AttributeError("no b today")


match Lazy():
    case Lazy(a, b):
        print("never")
    case Lazy(a):
        print("only a:", a)
match Lazy():
    case Lazy(c=_):
        print("never")
    case _:
        print("no attribute c")


# attribute lookups happen in order, one getattr each
class Tracer:
    __match_args__ = ("p", "q")

    def __getattr__(self, name):
        print("  getattr", name)
        return name.upper()


match Tracer():
    case Tracer("P", q, r=r):
        print(q, r)
match Tracer():
    case Tracer("X", q):
        print("never")
    case _:
        print("first positional failed")


# isinstance honours __instancecheck__
class Meta(type):
    def __instancecheck__(cls, obj):
        print("  __instancecheck__", type(obj).__name__)
        return isinstance(obj, int)


class Anything(metaclass=Meta):
    pass


match 10:
    case Anything():
        print("10 is Anything")
match "x":
    case Anything():
        print("never")
    case _:
        print("'x' is not Anything")


# dotted class names
class NS:
    P = Point


match Point(1, 2):
    case NS.P(x=1, y=yy):
        print("NS.P", yy)


# nested class patterns and other patterns inside
class Node:
    __match_args__ = ("value", "children")

    def __init__(self, value, children=()):
        self.value = value
        self.children = children


tree = Node(1, [Node(2), Node(3, [Node(4)])])
match tree:
    case Node(1, [Node(2, []), Node(v, [Node(w)])]):
        print("tree", v, w)


# __match_args__ may be any tuple, also inherited
class Base:
    __match_args__ = ("m",)
    m = "base m"


class Derived(Base):
    pass


match Derived():
    case Derived(mm):
        print(mm)

# type() of a builtin subject
match 1:
    case object():
        print("everything is an object")
