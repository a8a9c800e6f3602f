# importlib taken out of sys.modules and imported afresh (test.support's
# import_fresh_module does it) still finds sys.meta_path and the import system.
import sys, importlib
print(type(sys.meta_path).__name__, '_frozen_importlib' in sys.modules)
saved = {k: v for k, v in sys.modules.items() if k == 'importlib' or k.startswith('importlib.')}
for k in saved: del sys.modules[k]
fresh = importlib.import_module('importlib')
print(fresh is not importlib, fresh.__name__, importlib.import_module('json.decoder').__name__)
from test.support import import_helper
j = import_helper.import_fresh_module('json')
print(j.__name__, j.dumps([1, {'a': None}]))
print(import_helper.import_fresh_module('heapq', blocked=['_heapq']).heappush.__module__)
