# import forms
import math
import os.path
import os.path as osp
import collections as col, string
from math import sqrt, floor as fl
from functools import (reduce,
                       partial)
print(math.sqrt(16), sqrt(9), fl(2.7))
print(osp is os.path, os.path.join('a', 'b'))
print(col.OrderedDict.__name__, string.digits)
print(reduce(lambda a, b: a + b, [1, 2, 3]), partial(pow, 2)(5))
import sys
print('math' in sys.modules, sys.modules['math'] is math)
def local_import():
    import itertools
    return list(itertools.islice(itertools.count(), 3))
print(local_import())
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    # the location in parentheses differs between interpreters
    print(type(e).__name__, str(e).split(' (')[0])
m = __import__('operator')
print(m.add(2, 3))
