# isinstance() and super() believe a proxy's __class__
class Proxy(object):
    def __init__(self, obj):
        self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        else:
            return getattr(self.__obj, name)
class B(object):
    def f(self): return "B.f"
class C(B):
    def f(self): return super(C, self).f() + "->C.f"
c = C(); p = Proxy(c)
print(isinstance(p, C), isinstance(p, B), isinstance(p, int), C.__instancecheck__(p))
print(C.__dict__["f"](p))
class FakeStr:
    __class__ = str
print(isinstance(FakeStr(), str), isinstance(FakeStr(), (int, str)), type(FakeStr()))
try: str.upper(FakeStr())
except TypeError as e: print(e)
class Bad:
    @property
    def __class__(self): raise KeyError("x")
try: isinstance(Bad(), int)
except KeyError as e: print("KeyError", e)
print(isinstance(Bad(), Bad))
