class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e: print(e)
class M3(M1): pass
class D(A, metaclass=M3): pass
print(type(D).__name__)
class E(D, A): pass
print(type(E).__name__)
# object.__new__ excess args
class NoInit: pass
try: NoInit(1, 2)
except TypeError as e: print(e)
class NewOnly:
    def __new__(cls, x): return super().__new__(cls)
print(type(NewOnly(1)).__name__)
class BadSuperNew:
    def __new__(cls, x): return super().__new__(cls, x)
try: BadSuperNew(1)
except TypeError as e: print(e)
class InitOnly:
    def __init__(self, x): super().__init__(x)
try: InitOnly(1)
except TypeError as e: print(e)
# __new__ returning instance of a subclass runs __init__
class P:
    def __new__(cls, kind):
        return super().__new__(Q if kind == "q" else cls)
    def __init__(self, kind): print("init", type(self).__name__, kind)
class Q(P): pass
print(type(P("q")).__name__, type(P("p")).__name__)
# __init_subclass__ with super chain & classmethod implicit
class Root:
    def __init_subclass__(cls, **kw):
        print("Root.init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Mid(Root):
    def __init_subclass__(cls, extra=0, **kw):
        print("Mid.init_subclass", cls.__name__, extra)
        super().__init_subclass__(**kw)
class Leaf(Mid, extra=5, other=1): pass
# __set_name__ order and with multiple names
class SN:
    def __set_name__(self, owner, name): print("SN", name)
class Owner:
    a = SN()
    b = SN()
    c = a
# __set_name__ error wraps in 3.11? (RuntimeError in 3.11? check)
# properties with inheritance & overriding setter
class PB:
    @property
    def x(self): return "PB.x"
class PS(PB):
    @PB.x.setter
    def x(self, v): print("PS set", v)
ps = PS(); ps.x = 3; print(ps.x)
class PD(PB):
    @property
    def x(self): return "PD+" + super().x
print(PD().x)
print(property().fget, property(doc="d").__doc__)
try: PB().x = 1
except AttributeError as e: print(e)
try: property()(1) if False else property().__get__(1)
except AttributeError as e: print(e)
class MyProp(property):
    pass
class UseMP:
    @MyProp
    def v(self): return "mp"
print(UseMP().v, type(UseMP.__dict__["v"]).__name__)
# classmethod property-like behavior via descriptor on class
class Desc:
    def __get__(self, obj, cls): return ("get", obj is None, cls.__name__)
class HasD:
    d = Desc()
print(HasD.d, HasD().d)
# staticmethod callable directly in 3.10+
sm = staticmethod(lambda: "called sm")
print(sm())
# __slots__ with __dict__ and inheritance
class SD:
    __slots__ = ("a", "__dict__")
sd = SD(); sd.a = 1; sd.z = 2; print(sd.a, sd.__dict__)
class SlotDefault:
    __slots__ = ["x"]
print(type(SlotDefault.x).__name__, SlotDefault.__slots__)
try:
    class Conf:
        __slots__ = ("x",)
        x = 5
except ValueError as e: print(e)
class SlotStr:
    __slots__ = "only"
s = SlotStr(); s.only = 1; print(s.only)
try: s.other = 2
except AttributeError as e: print(e)
# __getattr__ on class via metaclass
class MetaGA(type):
    def __getattr__(cls, name): return f"meta:{name}"
class UsesMGA(metaclass=MetaGA): pass
print(UsesMGA.whatever, hasattr(UsesMGA(), "whatever"))
# __setattr__ with super() and property interplay
class Tracked:
    def __init__(self): self.x = 1
    def __setattr__(self, k, v):
        print("set", k)
        super().__setattr__(k, v)
t = Tracked(); t.y = 2; print(t.__dict__)
# class body executes in order, __qualname__/__module__ in namespace
class Body:
    print("in body", __qualname__, __module__)
    x = 1
    x += 1
    def f(self): return Body.x
    if x > 1:
        y = "cond"
    for i in range(2): pass
print(Body.x, Body.y, Body.i, Body().f())
# class with __eq__ but hash inherited explicitly
class HEq:
    def __eq__(self, o): return True
    __hash__ = None
try: hash(HEq())
except TypeError as e: print(e)
# type attributes
print(int.__name__, int.__qualname__, int.__module__, type.__name__, object.__doc__[:20], len.__name__, len.__qualname__, list.append.__name__, list.append.__qualname__, [].append.__qualname__)
print(type(list.append).__name__, type([].append).__name__, type(len).__name__, type(Body.f).__name__, type(Body().f).__name__)
print(Body.__dict__["f"] is Body.f, isinstance(Body.__dict__, dict) or type(Body.__dict__).__name__)
# vars() on instance/class, dir sortedness
class VV:
    a = 1
    def __init__(self): self.b = 2
print(vars(VV()), sorted(k for k in vars(VV) if not k.startswith("__")))
# __repr__ of classes and instances & default str of functions
print(repr(VV), repr(int), str(type(None)), repr(type(print)))
# repr of recursive structures
l = [1]; l.append(l); print(l)
d = {}; d["self"] = d; print(d)
# __bases__, __base__, __name__ settable
class Ren: pass
Ren.__name__ = "Renamed"; print(Ren, Ren.__qualname__)
Ren.__qualname__ = "Q.R"; print(Ren)
print(bool.__base__, object.__base__)
# issubclass errors
try: issubclass(1, int)
except TypeError as e: print(e)
try: isinstance(1, (int, 1))
except TypeError as e: print("no error expected?", e)
print(isinstance(1, (str, (int, float))))
