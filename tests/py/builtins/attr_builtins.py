# callable, getattr, setattr, hasattr, delattr
class C:
    cls_attr = 'class'
    def m(self): return 'm'
c = C()
print(callable(C), callable(c), callable(c.m), callable(print), callable(None), callable(lambda: 0))
setattr(c, 'x', 10)
print(getattr(c, 'x'), getattr(c, 'cls_attr'), getattr(c, 'missing', 'dflt'), hasattr(c, 'x'), hasattr(c, 'y'), getattr(c, 'm')())
delattr(c, 'x')
print(hasattr(c, 'x'))
try:
    getattr(c, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, 'missing')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, 'x', 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    'abc'.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    C.nope
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr([1, 2], 'count')(1), getattr(str, 'upper')('x'), hasattr(5, 'real'))
