# __annotations__ of classes and modules: each its own, made empty on first use.
class C: attr: int
class D(C): pass
print(D.__annotations__, C.__annotations__, '__annotations__' in D.__dict__)
try: int.__annotations__
except AttributeError as e: print(e)
try: int.__annotations__ = {}
except TypeError as e: print(e)
D.__annotations__ = {'x': 1}; print(D.__annotations__)
del D.__annotations__
try: del D.__annotations__
except AttributeError as e: print(e)
print(D.__annotations__)
import types
m = types.ModuleType('m'); print(m.__annotations__, '__annotations__' in m.__dict__)
m.__annotations__ = {'a': 1}; print(m.__annotations__); del m.__annotations__
try: del m.__annotations__
except AttributeError as e: print(e)
x: int = 3
import sys
print(sys.modules[__name__].__annotations__)
class E:
    __annotations__ = {'z': str}
print(E.__annotations__)
