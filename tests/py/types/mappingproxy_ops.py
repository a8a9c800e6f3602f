# mappingproxy's |, reversed(), |= refusal, constructor checks, [] (PEP 585); __prepare__ must return a mapping.
import types
m = types.MappingProxyType({'a': 1, 'b': 2})
print(m | {'c': 3}, {'z': 0} | m, m | types.MappingProxyType({'b': 5}), list(reversed(m)))
try: m |= {'x': 1}
except TypeError as e: print(e)
for bad in (10, ('a', 'tuple'), ['a', 'list']):
    try: types.MappingProxyType(bad)
    except TypeError as e: print(e)
print(types.MappingProxyType[str, int], sorted(set(dir(m)) - set(dir(object()))))
class BadMeta(type):
    @classmethod
    def __prepare__(*args): return None
try:
    class Foo(metaclass=BadMeta): pass
except TypeError as e: print(e)
try:
    type('x')
    type('a', (), {}, 1)
except TypeError as e: print(e)
