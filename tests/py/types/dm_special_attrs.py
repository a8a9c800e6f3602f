# __class__, __dict__, __name__, __qualname__, __module__, __doc__
class Outer:
    """Outer doc"""
    class Inner:
        def meth(self):
            """meth doc"""
    def method(self): pass
o = Outer()
o.attr = 1
print(o.__class__ is Outer, o.__class__.__name__, o.__dict__, Outer.__doc__, Outer.Inner.meth.__doc__)
print(Outer.__name__, Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.method.__qualname__)
print(Outer.__module__, __name__, len.__module__ if hasattr(len, '__module__') else None, type(Outer.__dict__).__name__)
print('method' in Outer.__dict__, sorted(k for k in vars(o)), (5).__class__, 'x'.__class__.__name__)
def f():
    pass
print(f.__doc__, f.__name__, f.__module__, Outer().__doc__)
import math
print(math.__name__, type(math).__name__)
class Swap: pass
class Other: pass
s = Swap(); s.__class__ = Other; print(type(s).__name__)
print(int.__doc__ is not None, Outer.__dict__['__doc__'])
