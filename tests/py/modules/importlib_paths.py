# What gilpy's own search of the path leaves to importlib: namespace packages
# (PEP 420), zip archives on sys.path (zipimport's hook), a program's
# sys.path_hooks; and sys.meta_path/path_hooks looked at before importlib.
import sys
print([getattr(h, '__name__', '?') for h in sys.path_hooks])
print([f.__name__ for f in sys.meta_path if isinstance(f, type)][-3:])
import os, tempfile, zipfile, importlib, importlib.util
tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
# a namespace package over two directories, and a submodule in each
for part in ('a', 'b'):
    d = os.path.join(tmp, part, 'nspkg')
    os.makedirs(d)
    with open(os.path.join(d, 'mod_' + part + '.py'), 'w') as f:
        f.write('WHERE = %r\n' % part)
sys.path.insert(0, os.path.join(tmp, 'a'))
sys.path.insert(0, os.path.join(tmp, 'b'))
import nspkg.mod_a, nspkg.mod_b
print(nspkg.mod_a.WHERE, nspkg.mod_b.WHERE)
print(type(nspkg.__path__).__name__, sorted(os.path.basename(os.path.dirname(p)) for p in nspkg.__path__))
print(nspkg.__file__, nspkg.__spec__.origin, type(nspkg.__loader__).__name__)
print(nspkg.mod_a.__spec__.name, nspkg.mod_a.__package__)
try:
    import nspkg.missing
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e, e.name)
# a regular package wins over a namespace portion found earlier on the path
os.makedirs(os.path.join(tmp, 'a', 'both'))
os.makedirs(os.path.join(tmp, 'reg', 'both'))
with open(os.path.join(tmp, 'reg', 'both', '__init__.py'), 'w') as f:
    f.write('KIND = "regular"\n')
sys.path.append(os.path.join(tmp, 'reg'))
import both
print(both.KIND)
# a zip archive on sys.path
zpath = os.path.join(tmp, 'lib.zip')
with zipfile.ZipFile(zpath, 'w') as z:
    z.writestr('zipped_mod.py', 'def hello():\n    return "from the zip"\n')
    z.writestr('zpkg/__init__.py', 'X = 1\n')
    z.writestr('zpkg/sub.py', 'Y = 2\n')
sys.path.insert(0, zpath)
import zipped_mod, zpkg.sub
print(zipped_mod.hello(), zpkg.X, zpkg.sub.Y)
print(type(zipped_mod.__loader__).__name__, sys.path_hooks[0].__name__, zipped_mod.__file__.endswith(os.path.join('lib.zip', 'zipped_mod.py')))
# a program's own path hook
class Loader:
    def create_module(self, spec): return None
    def exec_module(self, m): m.VALUE = m.__name__.upper()
class HookFinder:
    def find_spec(self, name, target=None):
        if name.startswith('hooked'):
            return importlib.util.spec_from_loader(name, Loader())
    def invalidate_caches(self): pass
def hook(path):
    if path == '<virtual>':
        return HookFinder()
    raise ImportError
sys.path_hooks.insert(0, hook)
sys.path.append('<virtual>')
import hooked_one
print(hooked_one.VALUE, sys.path_importer_cache['<virtual>'].__class__.__name__)
try:
    import not_hooked_zz
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
import shutil
shutil.rmtree(tmp)
# importlib.import_module goes through PathFinder and the zip hook too
import importlib
zpath2 = os.path.join(tempfile.mkdtemp(), 'lib2.zip')
with zipfile.ZipFile(zpath2, 'w') as z:
    z.writestr('zpkg2/__init__.py', 'X = 3\n')
    z.writestr('zpkg2/inner.py', 'Y = 4\n')
sys.path.append(zpath2)
m = importlib.import_module('zpkg2.inner')
print(m.Y, type(m.__loader__).__name__, [getattr(h, '__name__', '?') for h in sys.path_hooks][0])
shutil.rmtree(os.path.dirname(zpath2))
