# test: path=_extra_path
# a module found through GILPY_PATH (PYTHONPATH for CPython)
import _on_path
print(_on_path.WHERE)
import sys
print(any(p.endswith('_extra_path') for p in sys.path))
