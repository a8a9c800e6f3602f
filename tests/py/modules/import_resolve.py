# __import__'s package resolution, fromlist handling and PEP 302 finders, as
# CPython's import: __package__, __spec__.parent, then __name__ with an
# ImportWarning; '*' and __all__; a blocked submodule in a fromlist.
import sys, types, warnings, importlib.util, os, tempfile

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', getattr(r, '__name__', r))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'name', '-'))

attempt(__import__, '', {'__package__': 42}, {}, ['x'], 1)
attempt(__import__, 'x', {'__spec__': types.SimpleNamespace(parent=42)}, {}, [], 1)
attempt(__import__, 'x', {}, {}, [], 1)
attempt(__import__, 'x', {'__name__': 5}, {}, [], 1)
attempt(__import__, 'x', {'__name__': 'toplevel'}, {}, [], 1)
attempt(__import__, 'x', {'__package__': ''}, {}, [], 1)
attempt(__import__, 'x', {'__package__': 'a'}, {}, [], 2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    attempt(__import__, 'decoder', {'__name__': 'json.x'}, {}, ['JSONDecoder'], 1)
    attempt(__import__, '', {'__name__': 'json', '__path__': []}, {}, ['decoder'], 1)
    attempt(__import__, 'decoder', {'__spec__': types.SimpleNamespace(parent='json')}, {}, [], 1)
    attempt(__import__, 'decoder', {'__package__': 'json', '__spec__': types.SimpleNamespace(parent='email')}, {}, [], 1)
    for x in w:
        print(x.category.__name__, x.message)

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
os.makedirs(os.path.join(tmp, 'fpkg'))
with open(os.path.join(tmp, 'fpkg', '__init__.py'), 'w') as f:
    f.write("__all__ = ['one', 'two']\n")
for n in ('one', 'two', 'three'):
    with open(os.path.join(tmp, 'fpkg', n + '.py'), 'w') as f:
        f.write('N = %r\n' % n)
m = __import__('fpkg', fromlist=('*',))
print(sorted(k for k in vars(m) if not k.startswith('_')))
attempt(__import__, 'fpkg', fromlist=[1])
m.__all__ = ['three', 2]
attempt(__import__, 'fpkg', fromlist=['*'])
attempt(__import__, 'json', fromlist=[b'x'])
attempt(__import__, 'math', fromlist=[1])
sys.modules['fpkg.blocked'] = None
attempt(__import__, 'fpkg', fromlist=['blocked'])
try:
    from fpkg import blocked
except ImportError as e:
    print(type(e).__name__, e)
attempt(__import__, 'fpkg', fromlist=['missing_one'])
attempt(__import__, 'sys.no_submodules_here')

class OldLoader:
    def load_module(self, name):
        m = types.ModuleType(name)
        m.OLD = True
        sys.modules[name] = m
        return m
class OldFinder:
    def find_module(self, name, path=None):
        print('find_module', name, path)
        return OldLoader() if name == 'old_style' else None
sys.meta_path.insert(0, OldFinder())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    import old_style
    print(old_style.OLD, type(old_style.__loader__).__name__)
    for x in w:
        print(x.category.__name__, str(x.message)[:60])
sys.meta_path.pop(0)
import shutil; shutil.rmtree(tmp)
