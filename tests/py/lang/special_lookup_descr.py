# special methods are looked up on the type and bound through their descriptor (bytes, sys.getsizeof...)
import sys, math
class SpecialDescr(object):
    def __init__(self, impl):
        self.impl = impl
    def __get__(self, obj, owner):
        return self.impl.__get__(obj, owner)
def iden(self): return self
def hello(self): return b"hello"
def empty_seq(self): return []
def zero(self): return 0
def complex_num(self): return 1j
def stop(self): raise StopIteration
def return_true(self, thing=None): return True
def swallow(*args): pass
def format_impl(self, spec): return "hello"
def run_context(m):
    with m: pass
specials = [
    ("__bytes__", bytes, hello, {}),
    ("__reversed__", reversed, empty_seq, {}),
    ("__length_hint__", list, zero, {"__iter__": iden, "__next__": stop}),
    ("__sizeof__", sys.getsizeof, zero, {}),
    ("__instancecheck__", lambda o: isinstance(int, o), return_true, {}),
    ("__subclasscheck__", lambda o: issubclass(int, o), return_true, {}),
    ("__enter__", run_context, iden, {"__exit__": swallow}),
    ("__exit__", run_context, swallow, {"__enter__": iden}),
    ("__complex__", complex, complex_num, {}),
    ("__format__", format, format_impl, {}),
    ("__floor__", math.floor, zero, {}),
    ("__trunc__", math.trunc, zero, {}),
    ("__ceil__", math.ceil, zero, {}),
    ("__dir__", dir, empty_seq, {}),
    ("__round__", round, zero, {}),
]
for name, runner, impl, env in specials:
    class X: pass
    for a, o in env.items(): setattr(X, a, o)
    setattr(X, name, SpecialDescr(impl))
    try: print(name, runner(X()))
    except Exception as e: print(name, "ERR", type(e).__name__, e)
class MyException(Exception): pass
class ErrDescr(object):
    def __get__(self, obj, owner):
        raise MyException
for name, runner, impl, env in specials:
    class X: pass
    for a, o in env.items(): setattr(X, a, o)
    setattr(X, name, ErrDescr())
    try: print(name, runner(X()))
    except Exception as e: print(name, "ERR", type(e).__name__, e)
import sys
class A: pass
class B: __slots__ = ()
class C(int): pass
class E(Exception): pass
class Z:
    def __sizeof__(self): return 0
class Y:
    __slots__ = ()
    def __sizeof__(self): return 0
print(sys.getsizeof(A()), sys.getsizeof(B()), sys.getsizeof(C(5)), sys.getsizeof(Z()), sys.getsizeof(Y()))
import math
class Checker(object):
    def __getattr__(self, attr):
        raise AssertionError("__getattr__ called with " + attr)
    def __getattribute__(self, attr):
        if attr not in ("__class__",):
            raise AssertionError("__getattribute__ called with " + attr)
        return object.__getattribute__(self, attr)
class X(Checker):
    def __complex__(self): return 1j
    def __floor__(self): return 0
    def __ceil__(self): return 1
    def __trunc__(self): return 2
    def __bytes__(self): return b"b"
print(complex(X()), math.floor(X()), math.ceil(X()), math.trunc(X()), bytes(X()))
class Err:
    def __get__(self, o, t): raise KeyError("get")
class Y:
    __floor__ = Err(); __trunc__ = Err(); __complex__ = Err()
for f in (math.floor, math.trunc, complex):
    try: f(Y())
    except KeyError as e: print("KeyError", e)
