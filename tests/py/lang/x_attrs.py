class G:
    def __getattr__(self, name):
        if name.startswith("z"): raise AttributeError(f"no {name}")
        return name.upper()
g = G()
g.real = 1
print(g.foo, g.real, getattr(g, "bar"), hasattr(g, "zed"), getattr(g, "zz", "dflt"))
try: g.zoo
except AttributeError as e: print("AE", e)

class S:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
s = S()
s.a = 5
print(s.a, s.__dict__)
del s.a
print(s.__dict__)
setattr(s, "b", 1)
delattr(s, "b")

class GA:
    def __getattribute__(self, name):
        print("getattribute", name)
        if name == "magic": return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
ga = GA()
ga.x = 1
print(ga.magic, ga.x, ga.nope)

class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
class UseD:
    x = Desc()
    y = Desc()
u = UseD()
print(u.x, type(UseD.x).__name__)
u.x = 10
print(u.x, u.__dict__)
del u.x

class NonData:
    def __get__(self, obj, cls): return "nondata"
class ND:
    a = NonData()
n = ND()
print(n.a)
n.__dict__["a"] = "inst"
print(n.a)

class DataOnlySet:
    def __set__(self, obj, v): print("dset", v)
class DS:
    a = DataOnlySet()
ds = DS()
ds.a = 3
print(type(ds.a).__name__)

class P:
    def __init__(self): self._v = 0
    @property
    def v(self):
        "the v"
        return self._v
    @v.setter
    def v(self, val):
        if val < 0: raise ValueError("neg")
        self._v = val
    @v.deleter
    def v(self): print("deleting v")
    ro = property(lambda self: "readonly")
p = P()
p.v = 5
print(p.v, P.v.__doc__, type(P.v).__name__, P.v.fget.__name__)
try: p.v = -1
except ValueError as e: print(e)
del p.v
try: p.ro = 1
except AttributeError as e: print(e)
try: del p.ro
except AttributeError as e: print(e)

class CS:
    count = 0
    @classmethod
    def make(cls, *a): cls.count += 1; return cls, a
    @staticmethod
    def util(x, y=2): return x * y
class CS2(CS): pass
print(CS.make(1), CS2.make(), CS().make(), CS.count, CS2.count)
print(CS.util(3), CS().util(3, 3), CS2.util(x=4))
print(type(CS.__dict__["make"]).__name__, type(CS.__dict__["util"]).__name__)
print(CS.__dict__["util"].__func__(5))

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Slotted()
print(s.a, hasattr(s, "__dict__"))
try: s.c = 3
except AttributeError as e: print(e)
try: s.b
except AttributeError as e: print(e)
s.b = 2
print(s.b, Slotted.__slots__)
class SlotSub(Slotted):
    pass
ss = SlotSub(); ss.c = 5; print(ss.c, ss.__dict__)

class WithDict:
    cls_attr = 1
    def m(self): pass
w = WithDict()
w.q = 2
print(w.__dict__, "m" in WithDict.__dict__, "cls_attr" in vars(WithDict), vars(w))
w.__dict__["r"] = 3
print(w.r)
print(w.__class__, w.__class__.__name__, WithDict.__qualname__, WithDict.__module__, __name__)
class Outer:
    class Inner:
        def meth(self): pass
    def f(self):
        def g(): pass
        return g
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer().f().__qualname__, Outer.f.__name__)
print((lambda: 0).__qualname__, Outer.Inner.__name__)
def ff():
    class Loc: pass
    return Loc
print(ff().__qualname__, ff.__module__)

class Docd:
    """Class doc."""
    def m(self):
        """Method doc."""
def nodoc(): pass
print(Docd.__doc__, Docd.m.__doc__, nodoc.__doc__, Docd().m.__doc__)
class NoDoc: pass
print(NoDoc.__doc__)

# __class__ assignment
class A1:
    def hi(self): return "A1"
class B1:
    def hi(self): return "B1"
o = A1(); o.__class__ = B1; print(o.hi(), type(o).__name__, isinstance(o, B1))

# attribute errors
class E: pass
try: E().missing
except AttributeError as e: print(e)
try: E.missing
except AttributeError as e: print(e)
try: (1).foo
except AttributeError as e: print(e)
try: None.foo
except AttributeError as e: print(e)
try: object().x = 1
except AttributeError as e: print(e)
try: del E().zz
except AttributeError as e: print(e)
import sys
try: sys.nosuch
except AttributeError as e: print(e)
print(getattr(E, "__name__"), E.__bases__, E.__mro__, object.__bases__)
# bound methods
class M:
    def meth(self, x): return x + 1
m = M()
bm = m.meth
print(bm(1), bm.__self__ is m, bm.__func__ is M.meth, M.meth(m, 2), bm == m.meth, bm is m.meth)
print(repr(bm).startswith("<bound method M.meth of <__main__.M object at "))
print(repr(M.meth).startswith("<function M.meth at "))
