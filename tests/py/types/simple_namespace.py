# types.SimpleNamespace (CPython's own types.py takes it from sys.implementation):
# keyword init, repr (recursive, subclass name), equality, pickling, no hash.
import types
ns = types.SimpleNamespace(b=2, a=1); ns.me = ns
print(repr(ns))
class S(types.SimpleNamespace): pass
print(repr(S(x=1)), S(x=1) == types.SimpleNamespace(x=1), ns.__reduce__()[0], ns.__reduce__()[1:] == ((), ns.__dict__))
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
try: types.SimpleNamespace(**{1:2})
except TypeError as e: print(e)
print(types.SimpleNamespace.__name__, types.SimpleNamespace.__module__, types.SimpleNamespace.__hash__)
print(types.SimpleNamespace(a=1) != types.SimpleNamespace(a=2), types.SimpleNamespace() == 1)
import sys, pickle, copy
print(type(sys.implementation) is types.SimpleNamespace, sys.implementation.name != '')
n2 = pickle.loads(pickle.dumps(types.SimpleNamespace(q=[1])))
print(n2, copy.copy(n2), copy.deepcopy(S(z=3)))
try: hash(types.SimpleNamespace())
except TypeError as e: print(e)
n3 = types.SimpleNamespace(x=1)
del n3.x
n3.y = 2
print(n3, vars(n3), types.SimpleNamespace.__doc__ is not None)
