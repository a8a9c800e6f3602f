# import caching, circular imports, module attributes
import _circ_a
print(_circ_a.use(), _circ_a._circ_b._circ_a is _circ_a)
import sys
print(type(sys.modules['_circ_b']).__name__, sorted(k for k in sys.modules if k.startswith('_circ')))
m = sys.modules['_circ_a']
print(m.__name__, m.__file__.endswith('_circ_a.py'), hasattr(m, '__dict__'), 'A' in vars(m))
del sys.modules['_circ_b']
import _circ_b
print(_circ_b.B, _circ_b is not _circ_a._circ_b)
