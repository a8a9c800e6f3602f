import os
import os.path as p, sys
from . import a
from .. import b as c
from ...pkg.mod import (x, y as z,)
from .... import w
from m import *
from a.b import c
global g1, g2
del a, b[0], c.d
del (a, b)
del [a, b]
del a,
assert x
assert x, "msg"
raise
raise E
raise E from e
pass; pass;
if a: pass
elif b: pass
elif c: pass
else: pass
while x: break
else: continue
for i in range(10): pass
else: pass
with a: pass
with a as b, c as d: pass
with (a as b, c as d): pass
with (a, b): pass
with (a, b) as c: pass
with (a): pass
with (a as b,): pass
with (open(x) as f): pass
try:
    pass
except E as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
