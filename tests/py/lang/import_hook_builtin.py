# The import statement calls builtins.__import__ when a program replaces it,
# with (name, globals, locals, fromlist, level) as CPython passes them.
import builtins

orig = builtins.__import__
calls = []

def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    if globals and str(globals.get('__name__')).startswith('importlib'):
        return orig(name, globals, locals, fromlist, level)   # CPython's own loader
    calls.append((name, fromlist, level, type(globals).__name__, type(locals).__name__,
                  globals is not None and globals.get('__name__')))
    return orig(name, globals, locals, fromlist, level)

builtins.__import__ = my_import
import _helper_mod
import _pkg.mod
from _pkg import sibling as sib
from _pkg.sibling import S

def f():
    import _helper_mod
    from _helper_mod import VALUE
    return VALUE

print(f(), S, sib.S)

class C:
    import _helper_mod as hm

builtins.__import__ = orig
import math
for c in calls:
    print(c)

# A replacement may return anything: the statement binds it.
def fake(*args, **kwargs):
    print('fake', args[0], args[3], args[4])
    return 'FAKE'

builtins.__import__ = fake
import anything
import a.b.c
print(anything, a)
try:
    from whatever import x
except ImportError as e:
    print('ImportError', e)
from whatever import upper
print(upper())

def no_kw(name, globals, locals, fromlist, level):
    return len(name)
builtins.__import__ = no_kw
import abcd
print(abcd)

del builtins.__import__
try:
    import math
except ImportError as e:
    print('ImportError', e)
builtins.__import__ = orig
import math
print(math.pi)
