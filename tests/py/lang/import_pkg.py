# packages, submodules, relative imports
import _pkg
print(_pkg.PKG)
import _pkg.mod
print(_pkg.mod.NAME, _pkg.mod.get())
from _pkg import sibling
print(sibling.S)
from _pkg.sub import DEEP
print(DEEP)
import _pkg.sub as s
print(s.DEEP == DEEP, s.__name__)
import sys
print(sorted(k for k in sys.modules if k.startswith('_pkg')))
print(_pkg.mod.__package__, _pkg.__package__)
