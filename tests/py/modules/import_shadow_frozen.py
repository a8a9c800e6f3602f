# test: path=_imp_shadow
# A module found on the path before an embedded one of the same name (here
# queue) is a file module to importlib: loading importlib afterwards gives it
# a file spec instead of failing to fix it up as a frozen one.
import os
import queue
import importlib
import importlib.util

print(queue.SHADOW, type(queue.__spec__.loader).__name__)
print(os.path.basename(queue.__spec__.origin), os.path.basename(queue.__file__))
print(importlib.util.find_spec("queue").name)
import _imp
print(_imp.is_frozen("queue"))
