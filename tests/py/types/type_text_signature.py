# A builtin type's __text_signature__ (None for a class) and what inspect
# makes of it, with classes that define neither __init__ nor __new__.
import inspect
for t in (object, list, tuple, float, complex, enumerate, reversed, property, memoryview, int, str, dict, type):
    print(t.__name__, repr(t.__text_signature__))
class C: pass
class D(C): pass
print(C.__text_signature__, inspect.signature(C), inspect.signature(D))
print(inspect.signature(list), inspect.signature(property), inspect.signature(enumerate))
try:
    inspect.signature(int)
except ValueError as e:
    print('ValueError', e)
