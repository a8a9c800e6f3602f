# The pure-Python importlib loaded afresh with the frozen one blocked, as
# test.test_importlib.util does: its own _bootstrap halves, set up against sys
# and _imp, working beside the import system's.
import sys, importlib, importlib.util
from test.support import import_helper

src = import_helper.import_fresh_module(
    'importlib', fresh=('importlib._bootstrap', 'importlib._bootstrap_external'),
    blocked=('_frozen_importlib', '_frozen_importlib_external'))
print(src is not importlib, src.__name__)
print(src._bootstrap is not importlib._bootstrap, src._bootstrap_external is not importlib._bootstrap_external)
print(src._bootstrap.__name__, src._bootstrap_external.__name__)
print(src._bootstrap._bootstrap_external is src._bootstrap_external)
print(src._bootstrap.sys is sys, src._bootstrap._imp is sys.modules['_imp'])
print(type(src._bootstrap._thread).__name__, src._bootstrap._weakref.__name__)
# the import system still runs on the first copy
print(sys.modules['importlib'] is importlib, sys.modules['importlib._bootstrap'] is importlib._bootstrap)
print(sys.modules.get('_frozen_importlib') is importlib._bootstrap)
import json.tool
print(type(json.tool.__spec__.loader).__name__, json.tool.__spec__.name)
# the fresh copy's functions
spec = src._bootstrap_external.spec_from_file_location('m', '/nonexistent/m.py')
print(spec.name, spec.origin, spec.has_location, type(spec.loader).__name__)
print(type(spec.loader).__module__)
s2 = src.util.find_spec('json') if hasattr(src, 'util') else importlib.util.find_spec('json')
print(s2.name, s2.parent, s2.submodule_search_locations is not None)
m = src.import_module('colorsys')
print(m.__name__, m.__spec__.name)
mod = src._bootstrap._new_module('fresh_mod')
print(type(mod).__name__, mod.__name__)
print(src._bootstrap.BuiltinImporter.find_spec('math').origin)
print(src._bootstrap.BuiltinImporter.find_spec('no_such_module'))
# cache paths
tag = sys.implementation.cache_tag
print(type(tag).__name__)
p = importlib.util.cache_from_source('/a/b/mod.py')
print(p.startswith('/a/b/__pycache__/mod.') and p.endswith('.pyc'), tag in p)
print(importlib.util.source_from_cache(p))
print(src.util.cache_from_source('/a/b/mod.py') == p if hasattr(src, 'util') else True)
