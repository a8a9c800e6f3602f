# __class__ assignment between compatible layouts, object.__setattr__ on builtin types, __slots__ with several bases, __classcell__/__qualname__ in the namespace
import types
class SubType(types.ModuleType):
    a = 1
m = types.ModuleType("m")
try:
    m.__class__ = SubType
    print(m.__class__ is SubType, m.a)
except TypeError as e: print(e)
class G(object):
    __slots__ = ["a", "b"]
class H(object):
    __slots__ = ["b", "a"]
x = G(); x.a = 1
try:
    x.__class__ = H; print(x.a)
except TypeError as e: print(e)
try:
    object.__setattr__(str, "foo", 42)
except TypeError as e: print(e)
try:
    object.__delattr__(str, "lower")
except TypeError as e: print(e)

import types
class A(object):
    __slots__=()
class B(object):
    pass
class C(A,B) :
    __slots__=()
print(hasattr(C, '__dict__'), hasattr(C, '__weakref__'))
C().x = 2
class W(object):
    __slots__ = ["__weakref__"]
class D: pass
class C1(W, D):
    __slots__ = []
a = C1(); a.foo = 42; print(a.__dict__, hasattr(a, "__weakref__"))
class Meta(type):
    def __new__(cls, name, bases, namespace, attr):
        print(attr in namespace)
        return super().__new__(cls, name, bases, namespace)
class K1:
    def __init__(self):
        self.b = 42
class C2(K1, metaclass=Meta, attr="__classcell__"):
    __slots__ = ["__classcell__"]
    def __init__(self):
        super().__init__()
print(type(C2.__dict__["__classcell__"]))
c = C2(); print(c.b, hasattr(c, "__classcell__"))
c.__classcell__ = 42; print(c.__classcell__)
try:
    class C3:
        __classcell__ = 42
        __slots__ = ["__classcell__"]
except TypeError as e: print(e)
class Q1(metaclass=Meta, attr="__qualname__"):
    __slots__ = ["__qualname__"]
print(Q1.__qualname__, type(Q1.__dict__["__qualname__"]))
q = Q1(); print(hasattr(q, "__qualname__")); q.__qualname__ = "q"; print(q.__qualname__)
try:
    class Q2:
        __qualname__ = object()
        __slots__ = ["__qualname__"]
except TypeError as e: print(e)
for v in (1, None, b'x'):
    try: type('Foo', (), {'__qualname__': v})
    except TypeError as e: print(e)

class Base(object): pass
class Meta2(Base, type): pass
class E(object, metaclass=Meta2): pass
print(E.__dict__["__module__"])

try: E.__dict__ = {}
except (AttributeError, TypeError) as e: print(type(e), e)
class Base: pass
class Exception2(Base, Exception): pass
for e in (ValueError(), Exception2()):
    e.__dict__ = {"a": 1}; print(e.a)
    try: del e.__dict__
    except (TypeError, AttributeError) as x: print(type(x), x)
class J(object):
    __slots__ = ["c", "b"]
class N(J):
    __slots__ = ["__weakref__"]
class P(J):
    __slots__ = ["__dict__"]
for x, y in ((J, N), (N, J), (J, P), (N, P)):
    try:
        o = x(); o.__class__ = y; print("ok", type(o).__name__)
    except TypeError as e: print(e)
try: del J().__class__
except TypeError as e: print(e)
